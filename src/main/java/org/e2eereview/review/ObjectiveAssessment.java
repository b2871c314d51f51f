package org.e2eereview.review;

import java.util.List;

/**
 * How a design stands against one public-safety objective of the 2020 statement.
 *
 * @param metBy        safety-feature findings that serve it without weakening E2EE
 * @param onlyThrough  safety-feature findings that serve it only through a weakening, each with the
 *                     weakening findings (or catalog patterns) it relies on
 * @param suggestions  catalog features that would serve it without weakening, when nothing here does
 */
public record ObjectiveAssessment(String objective, String title, List<String> metBy, List<Through> onlyThrough,
                                  List<String> suggestions) {

    public record Through(String feature, List<String> weakenings) {
    }

    public boolean metWithoutWeakening() {
        return !metBy.isEmpty();
    }
}

package org.e2eereview.review;

import java.util.List;

import org.e2eereview.model.Immutable;

/**
 * How a design stands against one public-safety objective of the 2020 statement.
 *
 * @param metBy        safety-feature findings that serve it without weakening E2EE
 * @param onlyThrough  safety-feature findings that serve it only through a weakening, each with the
 *                     weakening findings (or catalog patterns) it relies on
 * @param suggestions  catalog features that would serve it without weakening, when nothing here does
 * @param answer       how the review itself answers an objective no feature meets (consultation on design); null
 *                     otherwise
 */
public record ObjectiveAssessment(String objective, String title, List<String> metBy, List<Through> onlyThrough,
                                  List<String> suggestions, String answer) {

    public ObjectiveAssessment {
        metBy = Immutable.copy(metBy);
        onlyThrough = Immutable.copy(onlyThrough);
        suggestions = Immutable.copy(suggestions);
    }

    public record Through(String feature, List<String> weakenings) {
        public Through {
            weakenings = Immutable.copy(weakenings);
        }
    }

    /** Where it stands, in words, as every report says it. */
    public String status() {
        if (answer != null) return answer;
        if (!metBy.isEmpty()) return "met without weakening by " + String.join(", ", metBy);
        return onlyThrough.isEmpty() ? "no declared feature serves it" : "not met without weakening";
    }

    public boolean metWithoutWeakening() {
        return !metBy.isEmpty() || answer != null;
    }
}

package org.e2eereview.report.diagram;

import java.util.List;

/**
 * A figure drawn as SVG markup, each copy declaring its size in points as well as its viewBox.
 *
 * @param svg       the figure at its natural size (a unit is a CSS pixel), for the screen
 * @param landscape whether print needs landscape pages
 * @param print     the figure for print on A4: one page, or parts of it in rows, at a scale that keeps
 *                  its smallest text at 7 pt or more
 */
public record Drawn(String svg, boolean landscape, List<String> print) {

    static Drawn of(Canvas.Figure figure, String id) {
        Canvas.Print print = Canvas.print(figure, id);
        return new Drawn(Canvas.svg(figure, id), print.landscape(), print.pages());
    }
}

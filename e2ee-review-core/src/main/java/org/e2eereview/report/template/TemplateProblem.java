package org.e2eereview.report.template;

/** A template that cannot be read or fails while rendering, located as file:line:col when known. */
public final class TemplateProblem extends Exception {

    public TemplateProblem(String message) {
        super(message);
    }
}

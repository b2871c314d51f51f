package org.e2eereview.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.e2eereview.catalog.Severity;
import org.e2eereview.load.InputException;
import org.e2eereview.load.Problem;
import org.e2eereview.report.escape.Inert;
import org.e2eereview.review.Reviewed;

/**
 * What the plugin's goals share: the model, the threshold, the date, where reports go and how to skip,
 * configured and checked alike, and a finding said as one located line in the build's log.
 */
abstract class ModelMojo extends AbstractMojo {

    /** The model file used when none is named. */
    static final String DEFAULT_MODEL = "e2ee-review.yaml";

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    /** The model (YAML); default {@code e2ee-review.yaml} in the project's folder. */
    @Parameter(property = "e2ee-review.model")
    File model;

    /**
     * Fail on a counted finding at or above this (for {@code diff}, one the change introduces or raises to it):
     * critical, high, medium, low, info, or none.
     */
    @Parameter(property = "e2ee-review.failOn", defaultValue = "high")
    String failOn;

    /** The date acceptances expire against, YYYY-MM-DD; default today (UTC). */
    @Parameter(property = "e2ee-review.today")
    String today;

    /** Where the reports go: one file per model and format for {@code check}, MODEL.diff.md for {@code diff}. */
    @Parameter(property = "e2ee-review.outputDirectory", defaultValue = "${project.build.directory}/e2ee-review")
    File outputDirectory;

    /** Skip the goal. */
    @Parameter(property = "e2ee-review.skip", defaultValue = "false")
    boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("e2ee-review: skipped");
            return;
        }
        run(severity(failOn), date(today));
    }

    /** The goal itself, with {@code failOn} and {@code today} read. */
    abstract void run(Severity threshold, LocalDate date) throws MojoExecutionException, MojoFailureException;

    /** {@code file}, when it is one; else the build fails saying how to name the model. */
    static Path requireModel(Path file) throws MojoFailureException {
        if (!Files.isRegularFile(file)) {
            throw new MojoFailureException("e2ee-review: no model at " + file + " (set <model> in the plugin's "
                    + "configuration, or -De2ee-review.model=FILE)");
        }
        return file;
    }

    /** A finding as one line of the log, model text shown and never obeyed: "file:line:col: HIGH ID: message". */
    static String line(Reviewed r) {
        return Inert.text(r.finding().at() + ": " + r.finding().severity().yamlName().toUpperCase(Locale.ROOT) + " "
                + r.finding().id() + ": " + r.finding().message());
    }

    static MojoFailureException located(String what, InputException e) {
        StringBuilder out = new StringBuilder(what).append(':');
        for (Problem p : e.problems()) out.append('\n').append(p);
        return new MojoFailureException(Inert.text(out.toString()));
    }

    static Severity severity(String name) throws MojoFailureException {
        if (name == null || name.equalsIgnoreCase("none")) return null;
        for (Severity s : Severity.values()) if (s.yamlName().equalsIgnoreCase(name.strip())) return s;
        throw new MojoFailureException("e2ee-review: failOn '" + name
                + "' is not a severity: use critical, high, medium, low, info or none");
    }

    static LocalDate date(String text) throws MojoFailureException {
        if (text == null || text.isBlank()) return LocalDate.now(ZoneOffset.UTC);
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new MojoFailureException("e2ee-review: today '" + text + "' is not a date (YYYY-MM-DD)");
        }
    }
}

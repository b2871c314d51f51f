package org.e2eereview.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.e2eereview.catalog.Severity;
import org.e2eereview.diff.ReviewDiff;
import org.e2eereview.load.GitRevision;
import org.e2eereview.load.InputException;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.report.AtomicWrite;
import org.e2eereview.report.DiffReport;
import org.e2eereview.report.escape.Inert;
import org.e2eereview.review.Review;
import org.e2eereview.review.ReviewConfig;
import org.e2eereview.review.Reviewed;
import org.e2eereview.review.Reviewer;

/**
 * What a change to the design model changes in its review, as {@code e2ee-review diff REV:MODEL MODEL}
 * says it: compares the model with its version at a git revision, writes the comparison as Markdown
 * (a pull request's comment), and fails the build when the change introduces a counted finding at or
 * above {@code failOn}, raises one to it, or lets a new party read through one. A version at the
 * revision that does not load is reported and not compared: the {@code check} goal reviews the model
 * on its own.
 */
@Mojo(name = "diff", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class DiffMojo extends ModelMojo {

    /** The git revision to compare with: a commit, branch or tag (default HEAD, what is not yet committed). */
    @Parameter(property = "e2ee-review.against", defaultValue = "HEAD")
    String against;

    @Override
    void run(Severity threshold, LocalDate date) throws MojoExecutionException, MojoFailureException {
        Path file = requireModel((model != null ? model : new File(basedir, DEFAULT_MODEL)).toPath());
        Reviewer reviewer;
        Review after;
        try {
            reviewer = ReviewConfig.defaults().withToday(date).reviewer();
            after = reviewer.review(new ModelLoader().load(file));
        } catch (InputException e) {
            throw located("e2ee-review: " + file + " is not a usable model", e);
        }
        // The path as git names it from the project's folder: REV:./PATH, whatever the repository's top.
        String path = basedir.toPath().toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize())
                .toString().replace(File.separatorChar, '/');
        String spec = against + ":./" + path;
        Review before;
        try {
            before = reviewer.review(new ModelLoader().parse(spec, GitRevision.read(spec, basedir.toPath())));
        } catch (InputException e) {
            StringBuilder why = new StringBuilder("e2ee-review: nothing to compare " + file + " with, so it is not compared:");
            e.problems().forEach(p -> why.append('\n').append(p));
            getLog().warn(Inert.text(why.toString()));
            return;
        }
        ReviewDiff diff = ReviewDiff.of(before, after);
        String base = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        Path out = outputDirectory.toPath().resolve(base + ".diff.md");
        try {
            Files.createDirectories(outputDirectory.toPath());
            AtomicWrite.replace(out, DiffReport.markdown(diff, threshold).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MojoExecutionException("e2ee-review: cannot write " + out + ": " + AtomicWrite.reason(e), e);
        }
        String text = Inert.text(DiffReport.text(diff, threshold)).strip();
        if (diff.introducesAtLeast(threshold)) {
            // Each new finding at or above the threshold as a located line, as the check goal says them.
            StringBuilder located = new StringBuilder();
            for (Reviewed r : diff.introduced()) {
                if (!r.counts() || !r.finding().severity().atLeast(threshold)) continue;
                String line = line(r);
                getLog().error(line);
                located.append(line).append('\n');
            }
            throw new MojoFailureException("e2ee-review: the change to " + file + " since " + against
                    + " introduces findings at or above " + threshold.yamlName() + " (" + out + "):\n" + located + text);
        }
        getLog().info(text);
    }
}

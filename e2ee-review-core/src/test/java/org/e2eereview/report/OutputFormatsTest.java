package org.e2eereview.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Formats are found by id among those registered on the class path, as the command line finds them. */
class OutputFormatsTest {

    @Test
    void theLibrarysFormatsAreFoundByIdInAnyCaseAndListedById() {
        assertThat(OutputFormats.all()).extracting(OutputFormat::id).containsExactly("html", "json", "junit", "md",
                "sarif", "submission-html", "submission-md", "text");
        assertThat(OutputFormats.ids()).isEqualTo("html, json, junit, md, sarif, submission-html, submission-md, text");
        assertThat(OutputFormats.named("SARIF")).isSameAs(OutputFormats.named("sarif")).isInstanceOf(BuiltInFormats.Sarif.class);
        assertThat(OutputFormats.named("pdf")).isNull();
        assertThat(OutputFormats.all()).extracting(OutputFormat::fileSuffix).doesNotHaveDuplicates();
        assertThat(OutputFormats.all()).filteredOn(OutputFormat::needsAssessment).extracting(OutputFormat::id)
                .containsExactly("submission-html", "submission-md");
    }

    /** Another format that calls itself json, as a second jar on a team's class path might. */
    public static final class SecondJson extends BuiltInFormats.Named {
        public SecondJson() {
            super("json", "another", ".other.json");
        }

        @Override
        public void render(Rendering run, OutputStream out) {
        }
    }

    @Test
    void twoFormatsOfOneIdAreRefusedNamingBoth(@TempDir Path dir) throws Exception {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve(OutputFormat.class.getName()), SecondJson.class.getName() + "\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            assertThatThrownBy(() -> OutputFormats.find(loader)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("two output formats are named json: org.e2eereview.report.BuiltInFormats$Json and "
                            + "org.e2eereview.report.OutputFormatsTest$SecondJson");
        }
    }
}

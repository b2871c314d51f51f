package org.e2eereview.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.e2eereview.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serve command as a user runs it: one line with the URL, a page there, stopped by SIGTERM. */
class ServeCommandTest {

    @Test
    void aModelThatDoesNotLoadIsRefusedWithItsLocatedProblems(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, Files.readString(Repo.file("examples/whatsapp.yaml")).replace("kind: server", "kind: servr"));
        Cli r = Cli.run("serve", broken.toString());
        assertThat(r.exitCode()).isEqualTo(Main.USAGE);
        assertThat(r.err()).matches("(?s)" + java.util.regex.Pattern.quote(broken.toString()) + ":\\d+:\\d+: .*servr.*")
                .doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void printsItsUrlServesThePageAndStopsOnSigterm(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("model.yaml");
        Files.copy(Repo.file("examples/whatsapp.yaml"), model);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve", model.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String url = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/\\?token=[A-Za-z0-9_-]{43}");
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Verdict: ");
            int port = URI.create(url).getPort();
            p.destroy();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("stopped").isTrue();
            try (Socket s = new Socket("127.0.0.1", port)) {
                throw new AssertionError("still listening on " + port);
            } catch (ConnectException released) {
                // As it should be.
            }
        } finally {
            p.destroyForcibly();
        }
    }
}

package org.e2eereview.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;

import org.e2eereview.Corpus;
import org.e2eereview.Repo;
import org.e2eereview.catalog.Severity;

/** A live server over a copy of an example in a temporary folder, and raw HTTP to it. */
final class Served implements AutoCloseable {

    final Path model;
    final LiveServer server;

    Served(Path dir, String example) throws Exception {
        this(dir, example, null);
    }

    /**
     * @param example   the model to copy, named from the repository's top ({@link Repo})
     * @param templates a folder of templates replacing the bundled ones, watched; or null
     */
    Served(Path dir, String example, Path templates) throws Exception {
        model = dir.resolve("model.yaml");
        Files.copy(Repo.file(example), model);
        LiveReview live = new LiveReview(model, Corpus::reviewer, templates, List.of(),
                templates == null ? List.of() : List.of(templates));
        server = new LiveServer(live, 0, Severity.HIGH, LocalDate.of(2026, 1, 1));
        live.watch();
        server.start();
    }

    String url() {
        return server.url();
    }

    String token() {
        return url().substring(url().indexOf("token=") + 6);
    }

    int port() {
        return server.address().getPort();
    }

    /** Replaces the model as an editor saving it would. */
    void save(Path from) throws IOException {
        Path next = model.resolveSibling("model.yaml.new");
        Files.copy(from, next, StandardCopyOption.REPLACE_EXISTING);
        Files.move(next, model, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Sends a request as written (headers included) and returns the whole response. */
    String raw(String request) throws IOException {
        try (Socket s = new Socket(server.address().getAddress(), port())) {
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A request for {@code target} with the server's own Host and the given extra header lines. */
    String get(String method, String target, String... headers) throws IOException {
        StringBuilder r = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port()
                + "\r\nConnection: close\r\n");
        for (String h : headers) r.append(h).append("\r\n");
        return raw(r.append("\r\n").toString());
    }

    static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }

    @Override
    public void close() {
        server.close();
    }
}

package org.e2eereview.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.e2eereview.assess.WhatIf;
import org.e2eereview.catalog.Severity;
import org.e2eereview.load.InputException;
import org.e2eereview.report.template.TemplateProblem;
import org.e2eereview.serve.LiveReview.Snapshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The live review page over HTTP, for the browser of the person who started it and nobody else:
 * it listens on loopback only, every request must carry the run's random token, a Host or Origin
 * other than the server's own is refused (a DNS-rebinding page would send its own), nothing is
 * written, and the page may run only the server's one script and talk only to the server.
 *
 * <p>Paths: {@code /} the review page (what-if changes in the query: {@code proposal}, {@code without},
 * {@code flip}, each repeatable), {@code /live.js} the script that keeps it current, {@code /events}
 * a Server-Sent Events stream of snapshot versions, {@code /parts} the parts of the page (same query)
 * that changed since the version given as {@code since}.
 */
public final class LiveServer implements AutoCloseable {

    /** Sent with the page and in it (ReportView's template): the script is ours, updates come from us. */
    static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'self'; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final LiveReview live;
    private final Pages pages;
    private final String token;
    private final HttpServer http;
    private final ExecutorService threads = Executors.newCachedThreadPool(LiveReview.daemon("e2ee-review-http"));
    private final Set<String> hosts;
    private final Set<String> origins;
    private final byte[] script;
    private final Object versions = new Object();
    private volatile boolean stopped;

    /** Binds to the loopback address on {@code port} (0 for any free one); serves after {@link #start}. */
    public LiveServer(LiveReview live, int port, Severity failOn, LocalDate today) throws IOException {
        this.live = live;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        pages = new Pages(failOn, today, token);
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        int bound = http.getAddress().getPort();
        String address = InetAddress.getLoopbackAddress().getHostAddress();
        hosts = Set.of(address + ":" + bound, "localhost:" + bound);
        origins = Set.of("http://" + address + ":" + bound, "http://localhost:" + bound);
        try (InputStream in = LiveServer.class.getResourceAsStream("live.js")) {
            script = in.readAllBytes();
        }
        http.setExecutor(threads);
        http.createContext("/", this::handle);
        live.onChange(() -> {
            // The design as written is rendered here, on the worker, before any page hears of the new
            // snapshot: every tab showing it then gets it from memory, however many ask at once.
            try {
                pages.of(live.current(), AS_WRITTEN);
            } catch (InputException | TemplateProblem | RuntimeException e) {
                // The page that asks for it gets the same refusal.
            }
            synchronized (versions) {
                versions.notifyAll();
            }
        });
    }

    public void start() {
        http.start();
    }

    /** The URL to open, with the token. */
    public String url() {
        return "http://" + http.getAddress().getAddress().getHostAddress() + ":" + http.getAddress().getPort()
                + "/?token=" + token;
    }

    public InetSocketAddress address() {
        return http.getAddress();
    }

    LiveReview live() {
        return live;
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String refused = refused(x);
            if (refused != null) {
                send(x, refused.startsWith("405") ? 405 : refused.startsWith("404") ? 404 : 403, "text/plain",
                        (refused.substring(4) + "\n").getBytes(StandardCharsets.UTF_8));
                return;
            }
            switch (x.getRequestURI().getPath()) {
                case "/" -> page(x);
                case "/parts" -> parts(x);
                case "/live.js" -> send(x, 200, "text/javascript", script);
                default -> {
                    if (x.getRequestMethod().equals("HEAD")) send(x, 200, "text/event-stream", new byte[0]);
                    else events(x);
                }
            }
        }
    }

    /** Why a request is refused ("403 reason"), or null to serve it. */
    private String refused(HttpExchange x) {
        if (!x.getRequestMethod().equals("GET") && !x.getRequestMethod().equals("HEAD")) {
            return "405 read-only: only GET and HEAD";
        }
        String host = x.getRequestHeaders().getFirst("Host");
        if (host == null || !hosts.contains(host.toLowerCase(java.util.Locale.ROOT))) {
            return "403 not this server's host name";
        }
        String origin = x.getRequestHeaders().getFirst("Origin");
        if (origin != null && !origins.contains(origin.toLowerCase(java.util.Locale.ROOT))) {
            return "403 requests from other sites are refused";
        }
        List<String> given = query(x).getOrDefault("token", List.of());
        if (given.size() != 1 || !MessageDigest.isEqual(given.get(0).getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            return "403 the token is missing or wrong: open the URL e2ee-review serve printed";
        }
        String path = x.getRequestURI().getPath();
        if (!Set.of("/", "/live.js", "/events", "/parts").contains(path)) return "404 no such page";
        return null;
    }

    private void page(HttpExchange x) throws IOException {
        Page page = page(x, asked(x));
        if (page != null) send(x, 200, "text/html; charset=utf-8", page.bytes());
    }

    /**
     * What changed in the page since the version the script shows, as JSON: {@code {"version": N, "parts":
     * [{"key": selector, "html": ...}]}} with the parts to swap, or {@code {"version": N, "whole": true}}
     * when the page must be fetched whole (that version is no longer held, or the page changed shape).
     */
    private void parts(HttpExchange x) throws IOException {
        WhatIf asked = asked(x);
        Page now = page(x, asked);
        if (now == null) return;
        Page before = null;
        try {
            before = pages.held(Long.parseLong(query(x).getOrDefault("since", List.of("")).get(0)), asked);
        } catch (NumberFormatException e) {
            // Fetched whole.
        }
        List<Page.Part> changed = before == null ? null : now.changedSince(before);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("version", now.version());
        if (changed == null) {
            answer.put("whole", true);
        } else {
            answer.put("parts", changed.stream().map(p -> new Changed(p.key(), p.text())).toList());
        }
        send(x, 200, "application/json", JSON.writeValueAsBytes(answer));
    }

    /** A part to swap, as the script reads it. */
    private record Changed(String key, String html) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WhatIf AS_WRITTEN = new WhatIf(List.of(), List.of(), List.of());

    private static WhatIf asked(HttpExchange x) {
        Map<String, List<String>> q = query(x);
        return new WhatIf(q.getOrDefault("proposal", List.of()), q.getOrDefault("without", List.of()),
                q.getOrDefault("flip", List.of()));
    }

    /** The current page with these what-ifs; null after answering with why there is none. */
    private Page page(HttpExchange x, WhatIf asked) throws IOException {
        try {
            return pages.of(live.current(), asked);
        } catch (InputException e) {
            send(x, 400, "text/plain", (e.problems().get(0) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (TemplateProblem | RuntimeException e) {
            send(x, 500, "text/plain", ("cannot render the page: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }

    /** The page of a snapshot with these what-ifs rendered anew, not held (for the benchmark). */
    byte[] render(Snapshot s, WhatIf asked) throws InputException, TemplateProblem {
        return pages.render(s, asked).bytes();
    }

    /** Server-Sent Events: the current snapshot's version now, then each new one as it is made. */
    private void events(HttpExchange x) throws IOException {
        x.getResponseHeaders().set("Content-Type", "text/event-stream");
        headers(x);
        x.sendResponseHeaders(200, 0);
        OutputStream out = x.getResponseBody();
        long sent = -1;
        try {
            while (!stopped) {
                long now = live.current().version();
                if (now != sent) {
                    out.write(("data: " + now + "\n\n").getBytes(StandardCharsets.UTF_8));
                    sent = now;
                } else {
                    // A comment now and then finds a closed tab, whose write then fails.
                    out.write(":\n\n".getBytes(StandardCharsets.UTF_8));
                }
                out.flush();
                synchronized (versions) {
                    if (live.current().version() == sent && !stopped) versions.wait(15_000);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The page went away.
        }
    }

    private static void send(HttpExchange x, int status, String type, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", type);
        headers(x);
        boolean head = x.getRequestMethod().equals("HEAD");
        x.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) x.getResponseBody().write(body);
    }

    private static void headers(HttpExchange x) {
        var h = x.getResponseHeaders();
        h.set("Content-Security-Policy", POLICY);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Cache-Control", "no-store");
        h.set("X-Frame-Options", "DENY");
        h.set("Cross-Origin-Resource-Policy", "same-origin");
    }

    private static Map<String, List<String>> query(HttpExchange x) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String raw = x.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, y -> new ArrayList<>()).add(v);
        }
        return out;
    }

    @Override
    public void close() {
        stopped = true;
        synchronized (versions) {
            versions.notifyAll();
        }
        http.stop(0);
        threads.shutdownNow();
        live.close();
    }
}

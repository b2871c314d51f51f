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
import org.e2eereview.report.view.LiveViews;
import org.e2eereview.report.view.ReportView;
import org.e2eereview.report.view.Views;
import org.e2eereview.review.Review;
import org.e2eereview.serve.LiveReview.Snapshot;

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
 * a Server-Sent Events stream of snapshot versions.
 */
public final class LiveServer implements AutoCloseable {

    /** Sent with the page and in it (ReportView's template): the script is ours, updates come from us. */
    static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'self'; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static final int CACHED_PAGES = 16;

    private final LiveReview live;
    private final Severity failOn;
    private final LocalDate today;
    private final String token;
    private final HttpServer http;
    private final ExecutorService threads = Executors.newCachedThreadPool(LiveReview.daemon("e2ee-review-http"));
    private final Set<String> hosts;
    private final Set<String> origins;
    private final byte[] script;
    private final Object versions = new Object();
    private volatile boolean stopped;
    /** Pages by snapshot version and query: a page is the same for both until the next snapshot. */
    private final Map<String, byte[]> pages = new LinkedHashMap<>(CACHED_PAGES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> e) {
            return size() > CACHED_PAGES;
        }
    };

    /** Binds to the loopback address on {@code port} (0 for any free one); serves after {@link #start}. */
    public LiveServer(LiveReview live, int port, Severity failOn, LocalDate today) throws IOException {
        this.live = live;
        this.failOn = failOn;
        this.today = today;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
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
        if (!path.equals("/") && !path.equals("/live.js") && !path.equals("/events")) return "404 no such page";
        return null;
    }

    private void page(HttpExchange x) throws IOException {
        Map<String, List<String>> q = query(x);
        WhatIf asked = new WhatIf(q.getOrDefault("proposal", List.of()), q.getOrDefault("without", List.of()),
                q.getOrDefault("flip", List.of()));
        Snapshot s = live.current();
        String key = s.version() + "?" + asked;
        byte[] page;
        synchronized (pages) {
            page = pages.get(key);
        }
        if (page == null) {
            try {
                page = render(s, asked);
            } catch (InputException e) {
                send(x, 400, "text/plain", (e.problems().get(0) + "\n").getBytes(StandardCharsets.UTF_8));
                return;
            } catch (TemplateProblem e) {
                send(x, 500, "text/plain", (e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
                return;
            }
            synchronized (pages) {
                pages.put(key, page);
            }
        }
        send(x, 200, "text/html; charset=utf-8", page);
    }

    /** The review page of a snapshot, with the what-if changes asked for, as the html format renders it. */
    byte[] render(Snapshot s, WhatIf asked) throws InputException, TemplateProblem {
        WhatIf.Result result = asked.isEmpty() ? null : asked.apply(s.reviewer(), s.review(), s.source());
        Review shown = result == null ? s.review() : result.changed();
        ReportView view = Views.of(shown, new Views.Options(failOn, today, null, false, true, true), s.source())
                .forFormat("html", null).live(LiveViews.of(token, s.version(), s.problems(), s.review(), asked, result));
        return s.templates().render("review.html.ftlh", view).getBytes(StandardCharsets.UTF_8);
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

package org.e2eereview.report;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Headless Chromium driven over the DevTools protocol, with the JDK's own WebSocket client: enough
 * to open a page, read what it shows, and hear every console message, script error and network
 * request. Started with the flags that keep Chromium itself off the network.
 */
public final class Chromium implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();

    /** The browser binary: $CHROMIUM, or Debian's /usr/bin/chromium, or another usual place; null if none. */
    static Path find() {
        String env = System.getenv("CHROMIUM");
        if (env != null && Files.isExecutable(Path.of(env))) return Path.of(env);
        for (String p : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(p))) return Path.of(p);
        }
        return null;
    }

    /**
     * The browser for a test class: skipped with -De2ee.browser=skip, a failure saying how to install
     * it when none is found, never a silent pass.
     */
    public static Chromium forTests() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse("skip".equals(System.getProperty("e2ee.browser")),
                "browser tests skipped on request");
        Path binary = find();
        org.assertj.core.api.Assertions.assertThat(binary).as("a Chromium binary: run bash .ci/run (installs Debian's "
                + "chromium), set CHROMIUM, or pass -De2ee.browser=skip").isNotNull();
        return new Chromium(binary);
    }

    Chromium(Path binary) throws Exception {
        profile = Files.createTempDirectory("e2ee-review-chromium");
        process = new ProcessBuilder(binary.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-default-apps", "--disable-extensions", "--no-first-run",
                "--disable-quic", "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!(Files.exists(portFile) && Files.readAllLines(portFile).size() >= 2)) {
            if (!process.isAlive()) throw new IOException("chromium exited with " + process.exitValue());
            if (System.nanoTime() > deadline) throw new IOException("chromium did not open its DevTools port");
            Thread.sleep(50);
        }
        List<String> lines = Files.readAllLines(portFile);
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + lines.get(0) + lines.get(1)), new Listener())
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** A page opened in a new tab, with the console, log, network and page domains on. */
    public Page open() throws Exception {
        String target = call(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId").asText();
        String session = call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                .get("sessionId").asText();
        for (String domain : List.of("Runtime", "Log", "Network", "Page")) call(session, domain + ".enable", Map.of());
        return new Page(target, session);
    }

    public final class Page {
        final String target;
        final String session;

        Page(String target, String session) {
            this.target = target;
            this.session = session;
        }

        /** Loads the URL and waits for its load event. */
        public void navigate(String url) throws Exception {
            int before = events.size();
            call(session, "Page.navigate", Map.of("url", url));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (Chromium.this.since(before).noneMatch(e -> e.path("method").asText().equals("Page.loadEventFired"))) {
                if (System.nanoTime() > deadline) throw new IOException("the page did not load: " + url);
                Thread.sleep(20);
            }
        }

        /** Evaluates JavaScript in the page and returns its value as JSON. */
        public JsonNode eval(String expression) throws Exception {
            JsonNode r = call(session, "Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                    "awaitPromise", true));
            if (r.has("exceptionDetails")) throw new AssertionError("script failed: " + r.get("exceptionDetails"));
            return r.path("result").path("value");
        }

        /** What the page shows in a window of the given size, as PNG. */
        public byte[] screenshot(int width, int height) throws Exception {
            call(session, "Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                    "deviceScaleFactor", 1, "mobile", false));
            JsonNode r = call(session, "Page.captureScreenshot", Map.of("format", "png"));
            return java.util.Base64.getDecoder().decode(r.get("data").asText());
        }

        /** The page printed as the browser's print dialog would, on the paper and margins its CSS asks for. */
        byte[] print() throws Exception {
            JsonNode r = call(session, "Page.printToPDF", Map.of("preferCSSPageSize", true, "printBackground", true,
                    "displayHeaderFooter", false));
            return java.util.Base64.getDecoder().decode(r.get("data").asText());
        }

        /** Every event this page has sent: console calls, exceptions, log entries, requests. */
        public List<JsonNode> events() {
            return events.stream().filter(e -> session.equals(e.path("sessionId").asText())).toList();
        }

        public void close() throws Exception {
            call(null, "Target.closeTarget", Map.of("targetId", target));
        }
    }

    /** Events from the given index on, from a snapshot: the listener keeps adding while we look. */
    private Stream<JsonNode> since(int from) {
        List<JsonNode> snapshot = List.copyOf(events);
        return snapshot.subList(Math.min(from, snapshot.size()), snapshot.size()).stream();
    }

    private JsonNode call(String session, String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (session != null) message.put("sessionId", session);
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText(JSON.writeValueAsString(message), true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        JsonNode r = reply.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (r.has("error")) throw new IOException(method + ": " + r.get("error"));
        return r.path("result");
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> f = pending.remove(message.get("id").asInt());
                        if (f != null) f.complete(message);
                    } else {
                        events.add(message);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }

    @Override
    public void close() throws Exception {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // The process is ended below either way.
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        try (Stream<Path> files = Files.walk(profile)) {
            List<Path> all = new ArrayList<>(files.sorted(Comparator.reverseOrder()).toList());
            for (Path p : all) Files.deleteIfExists(p);
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // A leftover temporary profile is harmless. Chromium's helper processes can outlive the browser a
            // moment and still write there: a file gone between listing and deleting surfaces unchecked.
        }
    }

    /**
     * One browser for a test class, started before its first test and closed after its last:
     * {@code @RegisterExtension static final Chromium.PerClass browser = new Chromium.PerClass();}
     */
    public static final class PerClass implements org.junit.jupiter.api.extension.BeforeAllCallback,
            org.junit.jupiter.api.extension.AfterAllCallback {

        private Chromium browser;

        @Override
        public void beforeAll(org.junit.jupiter.api.extension.ExtensionContext context) throws Exception {
            browser = forTests();
        }

        @Override
        public void afterAll(org.junit.jupiter.api.extension.ExtensionContext context) throws Exception {
            if (browser != null) browser.close();
        }

        public Page open() throws Exception {
            return browser.open();
        }
    }
}

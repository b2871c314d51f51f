package org.e2eereview.serve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.e2eereview.Repo;
import org.e2eereview.bench.SyntheticModel;
import org.e2eereview.report.Chromium;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From saving the model to the open page showing the new review, in headless Chromium: a benchmark,
 * not a test (it asserts nothing and runs only when asked, docs/performance.md):
 * {@code mvn -B -ntp test -pl e2ee-review-cli -am -Dtest=ServeLatencyBenchmark -De2ee.bench=serve
 * -Dsurefire.failIfNoSpecifiedTests=false}. Each save appends a comment to the model, as an edit in a
 * meeting would change it; the browser notes the time the page's snapshot number changes.
 */
class ServeLatencyBenchmark {

    @Test
    void saveToPage(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue("serve".equals(System.getProperty("e2ee.bench")), "a benchmark: -De2ee.bench=serve");
        Path synthetic = dir.resolve("synthetic-10k.yaml");
        Files.writeString(synthetic, SyntheticModel.generate(10_000));
        try (Chromium browser = Chromium.forTests()) {
            measure(browser, dir.resolve("a"), Repo.file("examples/whatsapp.yaml"), 5, 20);
            measure(browser, dir.resolve("b"), synthetic, 2, 5);
        }
    }

    private static void measure(Chromium browser, Path dir, Path example, int warmup, int runs) throws Exception {
        Files.createDirectories(dir);
        try (Served served = new Served(dir, example.toString())) {
            Chromium.Page page = browser.open();
            page.navigate(served.url());
            String text = Files.readString(served.model);
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < warmup + runs; i++) {
                long next = served.server.live().current().version() + 1;
                page.eval("window.seen = null; new MutationObserver((m, o) => { const l = document.getElementById('live');"
                        + " if (l && l.dataset.version === '" + next + "') { window.seen = Date.now(); o.disconnect(); } })"
                        + ".observe(document.body, {childList: true, subtree: true}); true");
                Path edit = dir.resolve("edit.yaml");
                Files.writeString(edit, text + "\n# edit " + i + "\n");
                long saved = System.currentTimeMillis();
                Files.move(edit, served.model, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                long seen = 0;
                for (int t = 0; t < 6000 && seen == 0; t++) {
                    Thread.sleep(10);
                    seen = page.eval("window.seen || 0").asLong();
                }
                if (i >= warmup) times.add(seen == 0 ? -1 : seen - saved);
            }
            page.close();
            // Where it goes: the review alone, and the page rendered from it, on this thread.
            LiveReview.Snapshot s = served.server.live().current();
            long t0 = System.nanoTime();
            s.reviewer().review(new org.e2eereview.load.ModelLoader().parse("m.yaml", s.model().text().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            long t1 = System.nanoTime();
            int bytes = served.server.render(s, new org.e2eereview.assess.WhatIf(List.of(), List.of(), List.of())).length;
            long t2 = System.nanoTime();
            System.out.printf("serve %s: review %d ms, page %d ms (%d bytes)%n", example.getFileName(),
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, bytes);
            List<Long> sorted = times.stream().sorted().toList();
            System.out.printf("serve save-to-page %s (%d bytes): median %d ms, min %d ms, max %d ms, runs %s%n",
                    example.getFileName(), Files.size(served.model), sorted.get(sorted.size() / 2), sorted.get(0),
                    sorted.get(sorted.size() - 1), times);
        }
    }
}

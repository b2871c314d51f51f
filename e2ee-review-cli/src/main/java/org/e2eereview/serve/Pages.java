package org.e2eereview.serve;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.e2eereview.assess.WhatIf;
import org.e2eereview.catalog.Severity;
import org.e2eereview.load.InputException;
import org.e2eereview.report.template.TemplateProblem;
import org.e2eereview.report.view.LiveViews;
import org.e2eereview.report.view.ReportView;
import org.e2eereview.report.view.ReportViewBuilder;
import org.e2eereview.review.Review;
import org.e2eereview.serve.LiveReview.Snapshot;

/**
 * The live pages, each rendered once per snapshot and what-if however many tabs ask for it, and kept
 * for a while after the next snapshot so that a tab showing it can be sent only the parts that changed.
 */
final class Pages {

    /**
     * Pages held, newest use last: the design as written and a few what-ifs, each at the snapshot shown
     * and the one before. A page of the 10k-element model is 10 MB.
     */
    private static final int HELD = 8;

    private final Severity failOn;
    private final LocalDate today;
    private final String token;
    /** By snapshot version and what-if; a task, so that two tabs asking at once wait for one rendering. */
    private final Map<String, FutureTask<Page>> held = new LinkedHashMap<>(HELD, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FutureTask<Page>> e) {
            return size() > HELD;
        }
    };

    Pages(Severity failOn, LocalDate today, String token) {
        this.failOn = failOn;
        this.today = today;
        this.token = token;
    }

    /** The page of a snapshot with the what-if changes asked for, rendered now unless it already is. */
    Page of(Snapshot s, WhatIf asked) throws InputException, TemplateProblem {
        FutureTask<Page> task;
        boolean mine = false;
        synchronized (held) {
            task = held.get(key(s.version(), asked));
            if (task == null) {
                task = new FutureTask<>(() -> render(s, asked));
                held.put(key(s.version(), asked), task);
                mine = true;
            }
        }
        if (mine) task.run();
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the page was rendered", e);
        } catch (ExecutionException e) {
            synchronized (held) {
                // A refusal is not kept: the same question may be asked of the next snapshot.
                held.remove(key(s.version(), asked), task);
            }
            if (e.getCause() instanceof InputException x) throw x;
            if (e.getCause() instanceof TemplateProblem x) throw x;
            if (e.getCause() instanceof RuntimeException x) throw x;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The page of an earlier snapshot with this what-if, if it is still held and rendered; else null. */
    Page held(long version, WhatIf asked) {
        FutureTask<Page> task;
        synchronized (held) {
            task = held.get(key(version, asked));
        }
        if (task == null || !task.isDone()) return null;
        try {
            return task.get();
        } catch (InterruptedException | ExecutionException e) {
            return null;
        }
    }

    private static String key(long version, WhatIf asked) {
        return version + "?" + asked;
    }

    /** The review page of a snapshot, with the what-if changes asked for, as the html format renders it. */
    Page render(Snapshot s, WhatIf asked) throws InputException, TemplateProblem {
        WhatIf.Result result = asked.isEmpty() ? null : asked.apply(s.reviewer(), s.review());
        Review shown = result == null ? s.review() : result.changed();
        ReportView view = ReportViewBuilder.of(shown, new ReportViewBuilder.Options(failOn, today, null, false, true, true))
                .forFormat("html", null).live(LiveViews.of(token, s.version(), s.problems(), s.review(), asked, result));
        return Page.of(s.version(), s.templates().render("review.html.ftlh", view));
    }
}

package org.e2eereview.serve;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.e2eereview.load.InputException;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.load.Problem;
import org.e2eereview.model.Location;
import org.e2eereview.model.Model;
import org.e2eereview.report.template.TemplateProblem;
import org.e2eereview.report.template.Templates;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewer;

/**
 * The review of one model file kept current: the files it depends on are watched, and each change
 * is reviewed again on one worker thread, after the events of one save have settled. Every review
 * becomes a numbered {@link Snapshot}; a model that stops loading keeps the last good review and
 * carries its problems.
 */
public final class LiveReview implements AutoCloseable {

    /** Makes the reviewer from the rules and baseline as they are on disk now. */
    public interface Reviewers {
        Reviewer make() throws InputException;
    }

    /**
     * One state of the review, never changed once made.
     *
     * @param review   the last review of the model that loaded; its model carries the text it was read from,
     *                 which the page shows and what-ifs patch, never the file as it is now
     * @param problems why the file on disk does not load now (file:line:col: message); empty when it does
     */
    public record Snapshot(long version, Review review, Reviewer reviewer, Templates templates,
                           List<String> problems) {

        public Model model() {
            return review.model();
        }
    }

    /** Quiet time after a file event before reviewing: an editor's save is often several events. */
    private static final long SETTLE_MS = 40;

    private final Path model;
    /** The model's path as given, the name every location uses, as in validate's output. */
    private final String name;
    private final Set<Path> files = new HashSet<>();
    private final Set<Path> folders = new HashSet<>();
    private final Reviewers reviewers;
    private final Path templateDir;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(daemon("e2ee-review-worker"));
    private final AtomicBoolean queued = new AtomicBoolean();
    private final List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private WatchService watcher;
    private Thread watching;
    private volatile Snapshot current;
    private Reviewer reviewer;
    private Templates templates;
    /** Set by the watcher, read by the worker. */
    private volatile boolean reviewerStale = true;
    private volatile boolean templatesStale = true;

    /**
     * Reviews the model once; fails as {@code review} would when it does not load.
     *
     * @param watched  the baseline file, if any
     * @param folders  rule folders and the template folder: any change in them is a change
     */
    public LiveReview(Path model, Reviewers reviewers, Path templateDir, List<Path> watched, List<Path> folders)
            throws InputException, TemplateProblem {
        this.model = model.toAbsolutePath().normalize();
        this.name = model.toString();
        this.reviewers = reviewers;
        this.templateDir = templateDir;
        files.add(this.model);
        for (Path p : watched) files.add(p.toAbsolutePath().normalize());
        for (Path p : folders) this.folders.add(p.toAbsolutePath().normalize());
        reviewer = reviewers.make();
        templates = new Templates(templateDir);
        reviewerStale = false;
        templatesStale = false;
        current = new Snapshot(1, reviewer.review(load()), reviewer, templates, List.of());
    }

    public Snapshot current() {
        return current;
    }

    /** Called on the worker after each new snapshot. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** Starts watching the files; changes are reviewed from now on. */
    public void watch() throws IOException {
        watcher = FileSystems.getDefault().newWatchService();
        Set<Path> dirs = new HashSet<>(folders);
        for (Path f : files) dirs.add(f.getParent());
        for (Path d : dirs) {
            d.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        }
        watching = daemon("e2ee-review-watcher").newThread(this::watchLoop);
        watching.start();
    }

    private void watchLoop() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                boolean relevant = false;
                do {
                    relevant |= relevant(key);
                    key.reset();
                    key = watcher.poll(SETTLE_MS, TimeUnit.MILLISECONDS);
                } while (key != null);
                if (relevant) refresh();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // Closed: the server is stopping.
        }
    }

    private boolean relevant(WatchKey key) {
        Path dir = ((Path) key.watchable()).toAbsolutePath().normalize();
        boolean relevant = false;
        for (WatchEvent<?> e : key.pollEvents()) {
            if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
                relevant = true;
                reviewerStale = true;
                templatesStale = true;
                continue;
            }
            Path changed = dir.resolve((Path) e.context());
            if (folders.contains(dir)) {
                relevant = true;
                if (templateDir != null && dir.equals(templateDir.toAbsolutePath().normalize())) templatesStale = true;
                else reviewerStale = true;
            } else if (files.contains(changed)) {
                relevant = true;
                if (!changed.equals(model)) reviewerStale = true;
            }
        }
        return relevant;
    }

    /** Reviews again on the worker; a refresh already waiting there covers this one. */
    public void refresh() {
        if (queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                review();
            });
        }
    }

    private void review() {
        Snapshot last = current;
        List<String> problems = new ArrayList<>();
        try {
            // Cleared before making, so that a change meanwhile is not lost; set again when making fails, so
            // that the next save, of the model alone, does not pass a broken rule or template off as fixed.
            if (reviewerStale) {
                reviewerStale = false;
                try {
                    reviewer = reviewers.make();
                } catch (InputException | RuntimeException e) {
                    reviewerStale = true;
                    throw e;
                }
            }
            if (templatesStale) {
                templatesStale = false;
                try {
                    templates = new Templates(templateDir);
                } catch (TemplateProblem | RuntimeException e) {
                    templatesStale = true;
                    throw e;
                }
            }
            current = new Snapshot(last.version() + 1, reviewer.review(load()), reviewer, templates, List.of());
        } catch (InputException e) {
            for (Problem p : e.problems()) problems.add(p.toString());
        } catch (TemplateProblem e) {
            problems.add(e.getMessage());
        } catch (RuntimeException e) {
            // A bug must not stop the server that shows it: the page says so and keeps the last review.
            problems.add(name + ": internal error: " + e);
        }
        if (!problems.isEmpty()) {
            current = new Snapshot(last.version() + 1, last.review(), last.reviewer(), last.templates(),
                    List.copyOf(problems));
        }
        for (Runnable l : listeners) l.run();
    }

    /** The model as the file holds it now, named as it was given. */
    private Model load() throws InputException {
        try {
            return new ModelLoader().parse(name, Files.readAllBytes(model));
        } catch (IOException e) {
            throw new InputException(List.of(new Problem(new Location(name, 0, 0), "cannot read: "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()))));
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException ignored) {
                // Closing is best effort: the process is ending.
            }
        }
        worker.shutdownNow();
    }
}

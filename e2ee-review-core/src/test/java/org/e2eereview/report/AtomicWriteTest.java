package org.e2eereview.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files are replaced whole or not at all, and nothing is left beside them. */
class AtomicWriteTest {

    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private boolean posix() throws IOException {
        return Files.getFileStore(dir).supportsFileAttributeView("posix");
    }

    @Test
    void replaceWritesTheBytesAndKeepsTheFilesPermissions() throws Exception {
        Path file = dir.resolve("report.json");
        AtomicWrite.replace(file, "one".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(file)).isEqualTo("one");
        if (posix()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
        }
        AtomicWrite.replace(file, "two".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(file)).isEqualTo("two");
        if (posix()) assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-rw----");
        assertThat(names()).containsExactly("report.json");
    }

    @Test
    void createRefusesAFileThatExists() throws Exception {
        Path file = Files.writeString(dir.resolve("e2ee-review.yaml"), "mine");
        assertThatThrownBy(() -> AtomicWrite.create(file, new byte[] {1})).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(file)).isEqualTo("mine");
        AtomicWrite.create(dir.resolve("new.yaml"), "new".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(dir.resolve("new.yaml"))).isEqualTo("new");
        assertThat(names()).containsExactly("e2ee-review.yaml", "new.yaml");
    }

    @Test
    void pendingFilesReplaceTheirTargetsOnlyWhenAllAreCommitted() throws Exception {
        Path md = Files.writeString(dir.resolve("review.md"), "earlier");
        Path html = dir.resolve("review.html");
        List<AtomicWrite.Pending> files = new ArrayList<>();
        try {
            files.add(AtomicWrite.open(md));
            files.add(AtomicWrite.open(html));
            files.get(0).write("# now".getBytes(StandardCharsets.UTF_8));
            files.get(1).write("<p>now</p>".getBytes(StandardCharsets.UTF_8));
            assertThat(Files.readString(md)).as("before the commit").isEqualTo("earlier");
            assertThat(html).doesNotExist();
            AtomicWrite.commitAll(files);
        } finally {
            AtomicWrite.discard(files);
        }
        assertThat(Files.readString(md)).isEqualTo("# now");
        assertThat(Files.readString(html)).isEqualTo("<p>now</p>");
        assertThat(names()).containsExactly("review.html", "review.md");
    }

    @Test
    void aFailedWriteIsToldByItsTargetAndDiscardingLeavesTheTargetsAsTheyWere() throws Exception {
        Path md = Files.writeString(dir.resolve("review.md"), "earlier");
        List<AtomicWrite.Pending> files = new ArrayList<>();
        try {
            files.add(AtomicWrite.open(md));
            AtomicWrite.Pending broken = AtomicWrite.open(dir.resolve("review.html"));
            files.add(broken);
            broken.close();
            // More than the buffer holds, so that it reaches the closed file.
            assertThatThrownBy(() -> broken.write(new byte[1 << 17])).isInstanceOf(IOException.class);
            AtomicWrite.Failure failure = AtomicWrite.failed(files);
            assertThat(failure.target()).isEqualTo(dir.resolve("review.html"));
            assertThat(failure.getCause()).isInstanceOf(IOException.class);
        } finally {
            AtomicWrite.discard(files);
        }
        assertThat(Files.readString(md)).isEqualTo("earlier");
        assertThat(names()).containsExactly("review.md");
    }

    @Test
    void aFileInAMissingFolderIsToldInAFewWords() {
        Path target = dir.resolve("missing/review.md");
        AtomicWrite.Failure failure = org.assertj.core.api.Assertions.catchThrowableOfType(AtomicWrite.Failure.class,
                () -> AtomicWrite.open(target));
        assertThat(failure.target()).isEqualTo(target);
        assertThat(AtomicWrite.reason(failure.getCause())).isEqualTo("no such directory");
        assertThat(AtomicWrite.reason(new NoSuchFileException("x"))).isEqualTo("no such directory");
        assertThat(AtomicWrite.reason(new AccessDeniedException("x"))).isEqualTo("permission denied");
        assertThat(AtomicWrite.reason(new IOException("disk full"))).isEqualTo("disk full");
    }

    /**
     * A pipe (or a device: -o /dev/null) is written as it is, never replaced by a file: run as root, renaming a
     * file over /dev/null put a regular file in its place. Tested on a named pipe, which is safe to break.
     */
    @Test
    void aPipeIsWrittenAsItIsNotReplacedByAFile() throws Exception {
        Path pipe = dir.resolve("pipe");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no mkfifo here");
            return;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo made a pipe");
        for (boolean streamed : new boolean[] {false, true}) {
            var read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return Files.readString(pipe);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            if (streamed) {
                AtomicWrite.Pending out = AtomicWrite.open(pipe);
                out.write("streamed".getBytes(StandardCharsets.UTF_8));
                AtomicWrite.commitAll(List.of(out));
                assertThat(read.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("streamed");
            } else {
                AtomicWrite.replace(pipe, "whole".getBytes(StandardCharsets.UTF_8));
                assertThat(read.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("whole");
            }
            assertThat(Files.isRegularFile(pipe)).as("still a pipe").isFalse();
            assertThat(Files.exists(pipe)).isTrue();
        }
        assertThat(names()).containsExactly("pipe");
    }
}

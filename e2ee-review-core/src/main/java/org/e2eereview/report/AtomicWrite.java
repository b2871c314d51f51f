package org.e2eereview.report;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Writes files so that a reader never sees half of one: the bytes go to a temporary file in
 * the same directory, which then takes the target's name in one step. A device or a pipe is
 * written as it is. The command line writes
 * every file this way, and so does the Maven plugin its reports.
 */
public final class AtomicWrite {

    private AtomicWrite() {
    }

    /** Writes {@code target}, replacing any existing file. */
    public static void replace(Path target, byte[] bytes) throws IOException {
        if (isStream(target)) {
            Files.write(target, bytes);
            return;
        }
        Path tmp = temp(target, bytes);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A file being written beside its target, streamed so that a large report is never held whole
     * in memory; it takes the target's name only in {@link #commitAll}. Remembers a failed write, so
     * that the caller can say which file could not be written.
     */
    public static final class Pending extends FilterOutputStream {
        private final Path target;
        private final Path temp;
        private IOException failure;

        /** @param temp the file written beside the target; null to write the target itself, a stream */
        private Pending(Path target, Path temp) throws IOException {
            super(new BufferedOutputStream(Files.newOutputStream(temp == null ? target : temp), 1 << 16));
            this.target = target;
            this.temp = temp;
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw failed(e);
            }
        }

        /** The file this replaces when committed. */
        public Path target() {
            return target;
        }

        private IOException failed(IOException e) {
            if (failure == null) failure = e;
            return e;
        }
    }

    /** Starts writing {@code target}: the bytes go to a new file beside it, which replaces it only on commit. */
    public static Pending open(Path target) throws Failure {
        try {
            return new Pending(target, isStream(target) ? null : temp(target, new byte[0]));
        } catch (IOException e) {
            throw new Failure(target, e);
        }
    }

    /** The first pending file whose writing failed, as a failure naming its target; or null. */
    public static Failure failed(List<Pending> files) {
        for (Pending p : files) if (p.failure != null) return new Failure(p.target, p.failure);
        return null;
    }

    /**
     * Replaces several files as one step as far as a file system allows: every file was first
     * written in full beside its target, and only now are they renamed into place, so a failure
     * while writing (a full disk, a missing directory) replaces none of them.
     */
    public static void commitAll(List<Pending> files) throws Failure {
        for (Pending p : files) {
            try {
                p.close();
            } catch (IOException e) {
                throw new Failure(p.target, e);
            }
        }
        for (Pending p : files) {
            if (p.temp == null) continue;
            try {
                Files.move(p.temp, p.target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new Failure(p.target, e);
            }
        }
    }

    /** Removes what is left of pending files (all of them after a failure; none after a commit). */
    public static void discard(List<Pending> files) {
        for (Pending p : files) {
            try {
                p.close();
            } catch (IOException ignored) {
                // Being removed anyway.
            }
            try {
                if (p.temp != null) Files.deleteIfExists(p.temp);
            } catch (IOException ignored) {
                // Best effort: a leftover temporary file is hidden and harmless.
            }
        }
    }

    /** Which file could not be written, and why. */
    public static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Path target;

        Failure(Path target, IOException cause) {
            super(cause);
            this.target = target;
        }

        /** The file that could not be written. */
        public Path target() {
            return target;
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    /** Writes {@code target} only if it does not exist; throws FileAlreadyExistsException otherwise. */
    public static void create(Path target, byte[] bytes) throws IOException {
        if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) throw new FileAlreadyExistsException(
                target.toString());
        Path tmp = temp(target, bytes);
        try {
            // A hard link is created atomically and fails if the name is taken, even in a race.
            Files.createLink(target, tmp);
        } catch (UnsupportedOperationException e) {
            Files.move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Whether {@code target} is a stream rather than a file: a device, a pipe or a terminal (-o /dev/null,
     * -o /dev/stdout). It is written as it is; renaming a file over it would put a file in its place, and
     * for root, in place of /dev/null itself.
     */
    private static boolean isStream(Path target) {
        return Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target);
    }

    private static Path temp(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            Files.write(tmp, bytes);
            // Temporary files are private; the result should have the permissions of an ordinary file.
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, Files.exists(target)
                        ? Files.getPosixFilePermissions(target) : PosixFilePermissions.fromString("rw-r--r--"));
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return tmp;
    }

    /** What went wrong, in a few words for a one-line error: "no such directory", "permission denied". */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) return "no such directory";
        if (e instanceof AccessDeniedException) return "permission denied";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}

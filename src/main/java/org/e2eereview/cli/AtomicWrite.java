package org.e2eereview.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files so that a reader never sees half of one: the bytes go to a temporary file in
 * the same directory, which then takes the target's name in one step.
 */
final class AtomicWrite {

    private AtomicWrite() {
    }

    /** Writes {@code target}, replacing any existing file. */
    static void replace(Path target, byte[] bytes) throws IOException {
        Path tmp = temp(target, bytes);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Writes several files as one step as far as a file system allows: every file is first written
     * in full beside its target, and only then are they renamed into place, so a failure while
     * writing (a full disk, a missing directory) replaces none of them.
     */
    static void replaceAll(java.util.List<Path> targets, java.util.List<byte[]> contents) throws Failure {
        java.util.List<Path> temps = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < targets.size(); i++) {
                try {
                    temps.add(temp(targets.get(i), contents.get(i)));
                } catch (IOException e) {
                    throw new Failure(targets.get(i), e);
                }
            }
            for (int i = 0; i < targets.size(); i++) {
                try {
                    Files.move(temps.get(i), targets.get(i), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new Failure(targets.get(i), e);
                }
            }
        } finally {
            for (Path t : temps) {
                try {
                    Files.deleteIfExists(t);
                } catch (IOException ignored) {
                    // Best effort: a leftover temporary file is hidden and harmless.
                }
            }
        }
    }

    /** Which file could not be written, and why. */
    static final class Failure extends Exception {
        final Path target;

        Failure(Path target, IOException cause) {
            super(cause);
            this.target = target;
        }
    }

    /** Writes {@code target} only if it does not exist; throws FileAlreadyExistsException otherwise. */
    static void create(Path target, byte[] bytes) throws IOException {
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

    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) return "no such directory";
        if (e instanceof AccessDeniedException) return "permission denied";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}

package org.e2eereview.model;

/**
 * A place in a model file, 1-based, as editors and compilers print it. Line 0 stands
 * for the file as a whole (it could not be opened, say).
 * Every model element and every field value keeps one, so that errors and
 * evidence chains can point at the exact line a reviewer has to read.
 */
public record Location(String file, int line, int column) implements Comparable<Location> {

    public static final Location UNKNOWN = new Location("<unknown>", 0, 0);

    @Override
    public String toString() {
        return line <= 0 ? file : file + ":" + line + ":" + column;
    }

    @Override
    public int compareTo(Location o) {
        int c = file.compareTo(o.file);
        if (c != 0) return c;
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(column, o.column);
    }
}

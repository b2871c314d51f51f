package org.e2eereview.load;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A compact binary form of loaded, immutable data: records whose components are strings, numbers,
 * booleans, enums, lists, maps with string keys, other such records, or YAML patches. The build
 * writes the bundled catalog this way so that a cold run need not parse its YAML again
 * (docs/performance.md, "Cold start").
 *
 * <p>Reading is driven by the declared types alone: the bytes name no class, so they can make
 * nothing but the records the caller asks for. A {@link #signature} of those types goes first, so
 * that bytes written for records of another shape are refused rather than misread, and a checksum
 * last, so that damaged bytes are refused too.
 */
public final class Snapshot {

    /**
     * Each record's components, their declared types and its canonical constructor, looked up once per
     * class: reflection asks the JVM for new component objects, and parses their generic signatures,
     * on every call: most of the time a cold run spent reading the catalog snapshot (docs/performance.md).
     */
    private record Shape(Type[] types, Constructor<?> constructor) {
    }

    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    private Snapshot() {
    }

    /** The value as bytes, headed by the signature of its type and followed by a checksum of both. */
    public static byte[] write(Object value, Class<?> type) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            text(out, signature(type));
            write(out, value, type);
            out.flush();
            out.writeInt(checksum(bytes.toByteArray(), bytes.size()));
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory", e);
        }
        return bytes.toByteArray();
    }

    /**
     * A checksum of the first {@code length} bytes: damage inside a string would otherwise read as a
     * different string, well formed.
     */
    private static int checksum(byte[] bytes, int length) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }

    /**
     * The value the bytes hold; null when they were written for a type of another shape.
     *
     * @throws IOException when the bytes are cut short or damaged
     */
    public static <T> T read(byte[] bytes, Class<T> type) throws IOException {
        if (bytes.length < 4) throw new IOException("cut short");
        int end = bytes.length - 4;
        int kept = java.nio.ByteBuffer.wrap(bytes, end, 4).getInt();
        if (kept != checksum(bytes, end)) throw new IOException("damaged: the checksum does not match");
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes, 0, end));
        if (!readText(in).equals(signature(type))) return null;
        Object value = read(in, type);
        if (in.read() != -1) throw new IOException("bytes left over after the value");
        return type.cast(value);
    }

    /** Every record, component name and type the value is made of, in a stable order. */
    public static String signature(Type type) {
        StringBuilder out = new StringBuilder();
        signature(type, out, new java.util.HashSet<>());
        return out.toString();
    }

    private static void signature(Type type, StringBuilder out, java.util.Set<Class<?>> seen) {
        if (type instanceof ParameterizedType p) {
            out.append(((Class<?>) p.getRawType()).getSimpleName()).append('<');
            for (Type a : p.getActualTypeArguments()) signature(a, out, seen);
            out.append('>');
            return;
        }
        Class<?> c = (Class<?>) type;
        out.append(c.getName());
        if (c.isEnum()) {
            out.append('{');
            for (Object e : c.getEnumConstants()) out.append(((Enum<?>) e).name()).append(',');
            out.append('}');
        } else if (c.isRecord() && seen.add(c)) {
            out.append('(');
            for (RecordComponent rc : c.getRecordComponents()) {
                out.append(rc.getName()).append(':');
                signature(rc.getGenericType(), out, seen);
                out.append(';');
            }
            out.append(')');
        }
    }

    private static void write(DataOutputStream out, Object value, Type type) throws IOException {
        Class<?> raw = raw(type);
        if (!raw.isPrimitive()) {
            out.writeBoolean(value != null);
            if (value == null) return;
        }
        if (raw == String.class) {
            text(out, (String) value);
        } else if (raw == int.class || raw == Integer.class) {
            out.writeInt((Integer) value);
        } else if (raw == boolean.class || raw == Boolean.class) {
            out.writeBoolean((Boolean) value);
        } else if (raw.isEnum()) {
            text(out, ((Enum<?>) value).name());
        } else if (raw == List.class) {
            List<?> list = (List<?>) value;
            out.writeInt(list.size());
            for (Object item : list) write(out, item, argument(type, 0));
        } else if (raw == Map.class) {
            if (argument(type, 0) != String.class) throw new IllegalArgumentException("map keys must be strings: " + type);
            Map<?, ?> map = (Map<?, ?>) value;
            out.writeInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                text(out, (String) e.getKey());
                write(out, e.getValue(), argument(type, 1));
            }
        } else if (raw == YamlPatch.class) {
            YamlPatch patch = (YamlPatch) value;
            text(out, patch.file());
            text(out, patch.field() == null ? "" : patch.field());
            out.writeInt(patch.source().length);
            out.write(patch.source());
        } else if (raw.isRecord()) {
            for (RecordComponent rc : raw.getRecordComponents()) {
                try {
                    rc.getAccessor().setAccessible(true);
                    write(out, rc.getAccessor().invoke(value), rc.getGenericType());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("reading " + raw.getName() + "." + rc.getName(), e);
                }
            }
        } else {
            throw new IllegalArgumentException("cannot be written in a snapshot: " + type);
        }
    }

    private static Object read(DataInputStream in, Type type) throws IOException {
        Class<?> raw = raw(type);
        if (!raw.isPrimitive() && !in.readBoolean()) return null;
        if (raw == String.class) return readText(in);
        if (raw == int.class || raw == Integer.class) return in.readInt();
        if (raw == boolean.class || raw == Boolean.class) return in.readBoolean();
        if (raw.isEnum()) return enumValue(raw, readText(in));
        if (raw == List.class) {
            int n = count(in);
            List<Object> list = new ArrayList<>(n);
            Type item = argument(type, 0);
            for (int i = 0; i < n; i++) list.add(read(in, item));
            return Collections.unmodifiableList(list);
        }
        if (raw == Map.class) {
            int n = count(in);
            Map<String, Object> map = new LinkedHashMap<>(n * 2);
            Type value = argument(type, 1);
            for (int i = 0; i < n; i++) map.put(readText(in), read(in, value));
            return Collections.unmodifiableMap(map);
        }
        if (raw == YamlPatch.class) {
            String file = readText(in);
            String field = readText(in);
            byte[] source = new byte[count(in)];
            in.readFully(source);
            return YamlPatch.unread(file, source, field.isEmpty() ? null : field);
        }
        if (raw.isRecord()) {
            Shape shape = shape(raw);
            Object[] values = new Object[shape.types().length];
            for (int i = 0; i < values.length; i++) values[i] = read(in, shape.types()[i]);
            try {
                return shape.constructor().newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IOException("cannot make a " + raw.getSimpleName() + " of what was read", e);
            }
        }
        throw new IllegalArgumentException("cannot be read from a snapshot: " + type);
    }

    private static Shape shape(Class<?> record) {
        Shape known = SHAPES.get(record);
        if (known != null) return known;
        return SHAPES.computeIfAbsent(record, r -> {
            RecordComponent[] components = r.getRecordComponents();
            Class<?>[] raw = new Class<?>[components.length];
            Type[] types = new Type[components.length];
            for (int i = 0; i < components.length; i++) {
                raw[i] = components[i].getType();
                types[i] = components[i].getGenericType();
            }
            try {
                Constructor<?> c = r.getDeclaredConstructor(raw);
                c.setAccessible(true);
                return new Shape(types, c);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("a record has its canonical constructor", e);
            }
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String name) throws IOException {
        try {
            return Enum.valueOf((Class) type, name);
        } catch (IllegalArgumentException e) {
            throw new IOException("no " + type.getSimpleName() + " named " + name, e);
        }
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) throw new IOException("a count of " + n + " with " + in.available() + " bytes left");
        return n;
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    private static Type argument(Type type, int i) {
        if (!(type instanceof ParameterizedType p)) throw new IllegalArgumentException("a raw collection: " + type);
        return p.getActualTypeArguments()[i];
    }

    private static void text(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readText(DataInputStream in) throws IOException {
        byte[] b = new byte[count(in)];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}

package org.e2eereview.archunit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.e2eereview.model.Code;
import org.e2eereview.model.Component;
import org.e2eereview.model.Key;
import org.e2eereview.model.Location;
import org.e2eereview.model.Model;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.PackageMatcher;

/**
 * Which model elements a class belongs to, by the code patterns the model gives: the components and
 * keys it implements, the sink it is part of, whether it is a crypto primitive. A pattern takes a class
 * when it matches the class's package or its name (or the name of a class it is nested in), so one
 * pattern syntax names packages and classes alike.
 */
final class CodeIndex {

    /** Crypto primitives whatever the model says: javax.crypto, and key pair generation and key import. */
    static final List<String> CRYPTO_PRIMITIVES = List.of("javax.crypto..", "java.security.KeyPairGenerator",
            "java.security.KeyFactory", "java.security.PrivateKey");

    /** A pattern as written in the model, and where, so that a violation can cite it. */
    record Pattern(String text, PackageMatcher matcher, Location at) {
        static Pattern of(String text, Location at) {
            return new Pattern(text, PackageMatcher.of(text), at);
        }

        boolean takes(ClassName c) {
            if (matcher.matches(c.packageName)) return true;
            for (String name : c.names) {
                if (matcher.matches(name)) return true;
            }
            return false;
        }
    }

    /** What the index needs of a class: its package and the names it answers to. */
    record ClassName(String packageName, List<String> names) {
        static ClassName of(JavaClass c) {
            List<String> names = new ArrayList<>();
            String name = c.getName();
            names.add(name);
            // Nested and anonymous classes belong where their outermost class does.
            for (int i = name.lastIndexOf('$'); i > 0; i = name.lastIndexOf('$', i - 1)) {
                names.add(name.substring(0, i));
            }
            return new ClassName(c.getPackageName(), names);
        }
    }

    /** What a class is, for the rules: never null, lists empty when the model says nothing of it. */
    record Membership(List<Component> components, List<Key> keys, String sink, boolean cryptoPrimitive) {
    }

    private final Map<Component, List<Pattern>> components = new LinkedHashMap<>();
    private final Map<Key, List<Pattern>> keys = new LinkedHashMap<>();
    private final Map<String, List<Pattern>> sinks = new LinkedHashMap<>();
    private final Map<String, Location> sinkLocations = new LinkedHashMap<>();
    private final List<Pattern> crypto = new ArrayList<>();
    private final Map<String, Membership> byClass = new ConcurrentHashMap<>();

    CodeIndex(Model model) {
        for (Component c : model.components().values()) {
            if (!c.code().isEmpty()) components.put(c, patterns(c.code(), c.source().of("code")));
        }
        for (Key k : model.keys().values()) {
            if (!k.code().isEmpty()) keys.put(k, patterns(k.code(), k.source().of("code")));
        }
        Code code = model.code();
        Location none = Location.UNKNOWN;
        for (String p : CRYPTO_PRIMITIVES) crypto.add(Pattern.of(p, none));
        if (code != null) {
            sink("logging", code.logging(), code.source().of("logging"));
            sink("telemetry", code.telemetry(), code.source().of("telemetry"));
            sink("serialisation", code.serialisation(), code.source().of("serialisation"));
            crypto.addAll(patterns(code.cryptoPrimitives(), code.source().of("crypto-primitives")));
        }
    }

    private void sink(String name, List<String> code, Location at) {
        if (code.isEmpty()) return;
        sinks.put(name, patterns(code, at));
        sinkLocations.put(name, at);
    }

    private static List<Pattern> patterns(List<String> texts, Location at) {
        return texts.stream().map(t -> Pattern.of(t, at)).toList();
    }

    Map<Component, List<Pattern>> componentPatterns() {
        return components;
    }

    Map<Key, List<Pattern>> keyPatterns() {
        return keys;
    }

    /** Where the model names the code of a sink ("logging"). */
    Location sinkAt(String sink) {
        return sinkLocations.get(sink);
    }

    Membership of(JavaClass javaClass) {
        JavaClass c = javaClass.getBaseComponentType();
        if (c.isPrimitive()) return new Membership(List.of(), List.of(), null, false);
        return byClass.computeIfAbsent(c.getName(), n -> classify(ClassName.of(c)));
    }

    private Membership classify(ClassName c) {
        List<Component> inComponents = new ArrayList<>();
        components.forEach((component, patterns) -> {
            if (patterns.stream().anyMatch(p -> p.takes(c))) inComponents.add(component);
        });
        List<Key> ofKeys = new ArrayList<>();
        keys.forEach((key, patterns) -> {
            if (patterns.stream().anyMatch(p -> p.takes(c))) ofKeys.add(key);
        });
        String sink = sinks.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(p -> p.takes(c)))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        boolean primitive = crypto.stream().anyMatch(p -> p.takes(c));
        return new Membership(List.copyOf(inComponents), List.copyOf(ofKeys), sink, primitive);
    }
}

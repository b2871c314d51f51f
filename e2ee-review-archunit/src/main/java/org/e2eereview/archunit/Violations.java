package org.e2eereview.archunit;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.e2eereview.archunit.CodeIndex.Membership;
import org.e2eereview.archunit.CodeIndex.Pattern;
import org.e2eereview.model.Component;
import org.e2eereview.model.Flow;
import org.e2eereview.model.Key;
import org.e2eereview.model.Location;
import org.e2eereview.model.Model;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The conditions behind {@link ModelArchRules}. Each looks at a class's direct dependencies (calls,
 * field accesses, field, parameter and return types, supertypes, annotations) and reports each one
 * that breaks the model as one line: the model element with its (file:line), then ArchUnit's own
 * description of the dependency, which ends in the code location.
 */
final class Violations {

    private final String file;
    private final CodeIndex index;
    private final KeyPlaces places;
    private final Set<String> flowPairs = new HashSet<>();

    Violations(Model model, String file, CodeIndex index, KeyPlaces places) {
        this.file = file;
        this.index = index;
        this.places = places;
        for (Flow f : model.flows().values()) {
            flowPairs.add(f.from() + "\n" + f.to());
            flowPairs.add(f.to() + "\n" + f.from());
        }
    }

    ArchCondition<JavaClass> keyUsedWhereNotHeld() {
        return perDependency("use keys only where they are held", (from, to, report) -> {
            for (Key key : to.keys()) {
                if (from.keys().stream().anyMatch(k -> k.equals(key) || related(k, key))) continue;
                Set<String> holders = places.holding(key.id());
                if (from.components().stream().anyMatch(c -> holders.contains(c.id()))) continue;
                report.violated(who(from) + " uses key '" + key.id() + "' " + at(key.source().at()) + ", "
                        + (holders.isEmpty() ? "which no component holds" : "held only by " + quoted(holders)));
            }
        });
    }

    /** A key computed from another, or wrapping it, is made where that key is, so its classes may use the other's. */
    private static boolean related(Key user, Key used) {
        return user.derivedFrom().contains(used.id()) || user.protects().contains(used.id());
    }

    ArchCondition<JavaClass> keyMeetsSink() {
        return perDependency("keep keys out of logging, telemetry and serialisation", (from, to, report) -> {
            if (to.sink() != null) {
                for (Key key : from.keys()) {
                    report.violated("Key '" + key.id() + "' " + at(key.source().at()) + " uses " + to.sink()
                            + " code " + at(index.sinkAt(to.sink())));
                }
            }
            if (from.sink() != null && from.keys().isEmpty()) {
                for (Key key : to.keys()) {
                    report.violated(capitalised(from.sink()) + " code " + at(index.sinkAt(from.sink()))
                            + " uses key '" + key.id() + "' " + at(key.source().at()));
                }
            }
        });
    }

    ArchCondition<JavaClass> cryptoWithoutKey() {
        return perDependency("use crypto primitives only where keys are", (from, to, report) -> {
            if (!to.cryptoPrimitive() || from.cryptoPrimitive() || !from.keys().isEmpty()) return;
            if (from.components().stream().anyMatch(c -> places.mayUseCrypto(c.id()))) return;
            report.violated(from.components().isEmpty() ? "Code of no component or key uses a crypto primitive"
                    : who(from) + " uses a crypto primitive but holds no key");
        });
    }

    ArchCondition<JavaClass> dependencyWithoutFlow() {
        return perDependency("depend on other components only along flows", (from, to, report) -> {
            if (from.components().isEmpty() || to.components().isEmpty()) return;
            if (from.components().stream().anyMatch(to.components()::contains)) return;
            for (Component a : from.components()) {
                for (Component b : to.components()) {
                    if (flowPairs.contains(a.id() + "\n" + b.id())) return;
                }
            }
            report.violated(who(from) + " depends on " + components(to.components())
                    + " with no flow between them");
        });
    }

    ArchCondition<JavaClass> patternMatchingNothing() {
        return new ArchCondition<>("have code patterns that match imported classes") {
            private final Set<Pattern> matched = new HashSet<>();

            @Override
            public void init(Collection<JavaClass> all) {
                matched.clear();
                for (JavaClass c : all) {
                    CodeIndex.ClassName name = CodeIndex.ClassName.of(c);
                    index.componentPatterns().values().forEach(ps -> ps.stream().filter(p -> p.takes(name))
                            .forEach(matched::add));
                    index.keyPatterns().values().forEach(ps -> ps.stream().filter(p -> p.takes(name))
                            .forEach(matched::add));
                }
            }

            @Override
            public void check(JavaClass item, ConditionEvents events) {
                // Whether a pattern matches anything is known only once all classes are seen: see finish.
            }

            @Override
            public void finish(ConditionEvents events) {
                report(index.componentPatterns(), "component", Component::id, events);
                report(index.keyPatterns(), "key", Key::id, events);
            }

            private <E> void report(Map<E, List<Pattern>> patterns, String kind, Function<E, String> id,
                                    ConditionEvents events) {
                patterns.forEach((element, ps) -> {
                    for (Pattern p : ps) {
                        if (matched.contains(p)) continue;
                        events.add(SimpleConditionEvent.violated(element, "Pattern '" + p.text() + "' of " + kind
                                + " '" + id.apply(element) + "' " + at(p.at()) + " matches no imported class"));
                    }
                });
            }
        };
    }

    /** What to do with one dependency: {@code from} and {@code to} are what the model says of its two ends. */
    interface DependencyCheck {
        void check(Membership from, Membership to, Report report);
    }

    /** Reports a broken dependency: the model's side of the story, then ArchUnit's description of the dependency. */
    record Report(ConditionEvents events, Dependency dependency) {
        void violated(String message) {
            events.add(SimpleConditionEvent.violated(dependency, message + ": " + dependency.getDescription()));
        }
    }

    private ArchCondition<JavaClass> perDependency(String description, DependencyCheck check) {
        return new ArchCondition<>(description) {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Membership from = index.of(origin);
                // Sorted, so that violations come out in the same order on every run.
                for (Dependency d : origin.getDirectDependenciesFromSelf().stream().sorted().toList()) {
                    JavaClass target = d.getTargetClass().getBaseComponentType();
                    if (outermost(target).equals(outermost(origin))) continue;
                    check.check(from, index.of(target), new Report(events, d));
                }
            }
        };
    }

    private static String outermost(JavaClass c) {
        String name = c.getName();
        int nested = name.indexOf('$');
        return nested > 0 ? name.substring(0, nested) : name;
    }

    private String who(Membership m) {
        if (!m.components().isEmpty()) return capitalised(components(m.components()));
        if (!m.keys().isEmpty()) {
            return "Class of " + m.keys().stream().map(k -> "key '" + k.id() + "' " + at(k.source().at()))
                    .collect(Collectors.joining(", "));
        }
        return "Code of no component";
    }

    private String components(List<Component> cs) {
        return (cs.size() == 1 ? "component " : "components ") + cs.stream()
                .map(c -> "'" + c.id() + "' " + at(c.source().at())).collect(Collectors.joining(", "));
    }

    private static String quoted(Set<String> ids) {
        return ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", "));
    }

    /**
     * A model location as (file:line): the column is left out so that ArchUnit's default line matcher,
     * which ignores a number between ':' and ')', keeps frozen violations when model lines move.
     */
    private String at(Location l) {
        return "(" + file + ":" + l.line() + ")";
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

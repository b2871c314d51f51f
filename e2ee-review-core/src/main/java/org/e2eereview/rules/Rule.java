package org.e2eereview.rules;

import java.util.List;

import org.e2eereview.catalog.Severity;
import org.e2eereview.model.Immutable;
import org.e2eereview.model.Location;

import dev.cel.runtime.CelRuntime;

/**
 * A loaded, type-checked rule. Conditions are compiled once, when rules load.
 *
 * @param file where the rule was read from, for errors and for `rules ID`
 */
public record Rule(String id, String title, List<TitleIf> titleIf, RuleKind kind, Severity severity,
                   List<SeverityIf> severityIf, boolean visibleLowers,
                   String catalog, Inspects inspects, String condition, String readersExpression,
                   List<String> evidenceRoutes, List<String> evidenceFields, List<FieldIf> evidenceFieldsIf,
                   List<Need> needs, List<String> explains, String message, String withoutReaders, String remediation,
                   Verdict verdict, List<Case> tests, String file, Location at,
                   Compiled compiled) {

    public Rule {
        titleIf = Immutable.copy(titleIf);
        severityIf = Immutable.copy(severityIf);
        evidenceRoutes = Immutable.copy(evidenceRoutes);
        evidenceFields = Immutable.copy(evidenceFields);
        evidenceFieldsIf = Immutable.copy(evidenceFieldsIf);
        needs = Immutable.copy(needs);
        explains = Immutable.copy(explains);
        tests = Immutable.copy(tests);
    }

    /** A severity that applies when a condition holds, and why in a reader's words (null when the rule does not say). */
    public record SeverityIf(String when, Severity severity, String because) {
    }

    /** A variant of the finding: its title, and the catalog entry it cites when not the rule's (null). */
    public record TitleIf(String when, String title, String catalog) {
    }

    /** A field cited as evidence only when a condition holds. */
    public record FieldIf(String field, String when) {
    }

    /**
     * A field the rule cannot judge without: where it is not written (and {@code when}, if given,
     * holds), the rule is not assessed on the element rather than assuming either way.
     */
    public record Need(String field, List<String> or, String when) {
        /** The field and its alternatives, as written in the model. */
        public List<String> fields() {
            List<String> all = new java.util.ArrayList<>();
            all.add(field);
            all.addAll(or);
            return all;
        }
    }

    /** A test case: a patch to the base model, the elements the rule must fire on, and what some findings say. */
    public record Case(String name, List<String> expect, List<Expected> findings, String model, Location at) {
    }

    /** What one finding of a test case must say; null (or, for readers, null) where not checked. */
    public record Expected(String on, Severity severity, List<String> readers, String condition, String message,
                           String withoutReaders, Location at) {
    }

    /** The compiled programs; not part of the rule's public description. */
    static final class Compiled {
        /** The simple conjuncts of the condition, checked in Java first; null when there are none. */
        final java.util.function.Predicate<java.util.Map<String, Object>> guard;
        /** Whether the guard is the whole condition, so that CEL need not run after it. */
        final boolean exactGuard;
        final CelRuntime.Program when;
        final Later<CelRuntime.Program> readers;
        final List<Later<Condition>> severityIf;
        /** Conditions of titleIf, in order. */
        final List<Later<Condition>> titleIf;
        final List<Object> message; // Strings, the readers' place and later parts (programs or fields), in order
        /** The same for why a finding names no reader; null when the rule does not say. */
        final List<Object> withoutReaders;
        /** The routes whose evidence a finding cites; empty for any. */
        final java.util.Set<String> evidenceRoutes;
        /** Conditions of evidenceFieldsIf, in order. */
        final List<Later<CelRuntime.Program>> evidenceIf;
        /** Conditions of needs, in order; null where a need has none. */
        final List<Condition> needs;
        /**
         * The top-level conjuncts of the condition, to say which part failed; empty when not needed.
         * Compiled on first use: only a feature no rule recognises needs them.
         */
        private final java.util.function.Supplier<List<Conjunct>> conjunctSource;
        private List<Conjunct> conjuncts;

        Compiled(java.util.function.Predicate<java.util.Map<String, Object>> guard, boolean exactGuard,
                 CelRuntime.Program when,
                 Later<CelRuntime.Program> readers, List<Later<Condition>> severityIf, List<Later<Condition>> titleIf,
                 List<Object> message,
                 List<Object> withoutReaders, java.util.Set<String> evidenceRoutes, List<Later<CelRuntime.Program>> evidenceIf,
                 List<Condition> needs, java.util.function.Supplier<List<Conjunct>> conjuncts) {
            this.guard = guard;
            this.exactGuard = exactGuard;
            this.when = when;
            this.readers = readers;
            this.severityIf = severityIf;
            this.titleIf = titleIf;
            this.message = message;
            this.withoutReaders = withoutReaders;
            this.evidenceRoutes = evidenceRoutes;
            this.evidenceIf = evidenceIf;
            this.needs = needs;
            this.conjunctSource = conjuncts;
        }

        synchronized List<Conjunct> conjuncts() {
            if (conjuncts == null) conjuncts = List.copyOf(conjunctSource.get());
            return conjuncts;
        }
    }

    /** One part of a condition joined to the rest by {@code &&}, with its text. */
    record Conjunct(String text, CelRuntime.Program program) {
    }
}

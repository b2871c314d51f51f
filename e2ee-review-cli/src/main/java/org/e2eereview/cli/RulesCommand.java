package org.e2eereview.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.e2eereview.catalog.Catalog;
import org.e2eereview.catalog.Entries.Citation;
import org.e2eereview.catalog.Entries.Legal;
import org.e2eereview.catalog.Entries.SafetyFeature;
import org.e2eereview.catalog.Entries.Weakening;
import org.e2eereview.load.InputException;
import org.e2eereview.rules.Rule;
import org.e2eereview.rules.RuleKind;
import org.e2eereview.rules.RuleSet;
import org.e2eereview.rules.Startup;
import org.e2eereview.rules.RuleCases;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "rules", mixinStandardHelpOptions = true,
        description = {"List the rules, or explain one: its catalog entry, references, condition and test cases.",
                "Loading checks every rule, so this also validates a directory given with --rules; --test also "
                        + "runs the rules' own test cases."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success (with --test: every case passed)", "1:with --test: a test case failed",
                "2:a rule cannot be loaded, or no such rule"})
final class RulesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", arity = "0..1", description = "A rule id, e.g. GHOST-PARTICIPANT.")
    String id;

    @Option(names = "--rules", paramLabel = "DIR", description = "A directory of extra rules (repeatable).")
    List<Path> ruleDirs = new ArrayList<>();

    @Option(names = "--test", description = "Run the test cases of the rules (of ID only, if given).")
    boolean test;

    @Override
    public Integer call() {
        RuleSet set;
        try {
            set = Startup.rules(ruleDirs);
        } catch (InputException e) {
            Main.printProblems(spec, e);
            return Main.USAGE;
        }
        var out = spec.commandLine().getOut();
        if (test) return test(set, out);
        if (id == null) {
            for (RuleKind kind : RuleKind.values()) {
                out.println(kind == RuleKind.WEAKENING ? "Weakening rules:" : "\nSafety-feature rules:");
                for (Rule r : set.rules().values()) {
                    if (r.kind() != kind) continue;
                    String level = kind == RuleKind.WEAKENING ? r.severity().yamlName() : r.verdict().yamlName();
                    out.printf("  %-30s %-9s %s%n", r.id(), level, r.title());
                }
            }
            out.println("\nExplain one with: e2ee-review rules ID");
            return Main.OK;
        }
        Rule r = set.rules().get(id);
        if (r == null) {
            String near = set.rules().keySet().stream().filter(k -> k.contains(id.toUpperCase(java.util.Locale.ROOT)))
                    .findFirst().map(k -> " (did you mean " + k + "?)").orElse("");
            spec.commandLine().getErr().println("e2ee-review: no rule '" + id + "'" + near
                    + "; 'e2ee-review rules' lists them");
            return Main.USAGE;
        }
        explain(r, set.catalog(), out);
        return Main.OK;
    }

    private int test(RuleSet set, java.io.PrintWriter out) {
        List<Rule> selected = id == null ? List.copyOf(set.rules().values())
                : set.rules().containsKey(id) ? List.of(set.rules().get(id)) : List.of();
        if (selected.isEmpty()) {
            spec.commandLine().getErr().println("e2ee-review: no rule '" + id + "'; 'e2ee-review rules' lists them");
            return Main.USAGE;
        }
        int passed = 0;
        int failed = 0;
        for (Rule r : selected) {
            for (RuleCases.Outcome o : RuleCases.run(set, r)) {
                if (o.passed()) {
                    passed++;
                } else {
                    failed++;
                    spec.commandLine().getErr().println(o.describe());
                }
            }
        }
        out.println("rules: " + passed + " passed, " + failed + " failed");
        return failed == 0 ? Main.OK : Main.FINDINGS;
    }

    private static void explain(Rule r, Catalog catalog, java.io.PrintWriter out) {
        out.println(r.id() + " — " + r.title());
        out.println(r.kind().yamlName() + " · severity " + r.severity().yamlName()
                + (r.verdict() == null ? "" : " · verdict " + r.verdict().yamlName())
                + " · inspects " + r.inspects().yamlName() + " · " + r.file());
        for (Rule.SeverityIf s : r.severityIf()) out.println("  " + s.severity().yamlName() + " when " + s.when());
        Weakening w = catalog.weakenings().get(r.catalog());
        SafetyFeature f = catalog.safetyFeatures().get(r.catalog());
        out.println();
        if (w != null) {
            out.println(w.description());
            out.println();
            out.println("Breaks: " + String.join(", ", w.breaks().stream().map(b -> b.yamlName()).toList()));
            out.println((w.systemic() ? "Systemic" : "Targeted") + ". Blast radius: " + w.blastRadius());
            out.println("Instead: " + w.alternative());
            legal(out, w.legal());
            refs(out, w.references(), catalog);
        } else if (f != null) {
            out.println(f.description());
            out.println();
            out.println("Serves: " + String.join(", ", f.objectives()) + " · preserves E2EE: "
                    + f.preservesE2ee().yamlName() + (f.weakening() == null ? "" : " (otherwise " + f.weakening() + ")"));
            if (f.conditions() != null) out.println("Conditions: " + f.conditions());
            legal(out, f.legal());
            refs(out, f.references(), catalog);
        }
        out.println();
        out.println("Condition:");
        r.condition().strip().lines().forEach(l -> out.println("  " + l));
        out.println();
        for (Rule.Need n : r.needs()) {
            out.println("Not assessed where " + String.join(" or ", n.fields()) + " is not written"
                    + (n.when() == null ? "" : ", when " + n.when().strip()));
        }
        if (!r.explains().isEmpty()) {
            out.println("Explains: " + String.join(", ", r.explains())
                    + " (what its findings explain is not reported again under those names)");
        }
        if (!r.needs().isEmpty() || !r.explains().isEmpty()) out.println();
        out.println("Remediation: " + r.remediation().strip());
        out.println();
        out.println("Test cases:");
        for (Rule.Case t : r.tests()) {
            out.println("  " + (t.expect().isEmpty() ? "does not fire" : "fires on " + String.join(", ", t.expect()))
                    + ": " + t.name());
        }
    }

    private static void legal(java.io.PrintWriter out, List<Legal> legal) {
        if (legal.isEmpty()) return;
        out.println("Legal: " + String.join("; ", legal.stream().map(Legal::provision).toList()));
    }

    private static void refs(java.io.PrintWriter out, List<Citation> refs, Catalog catalog) {
        out.println("References:");
        for (Citation c : refs) {
            var ref = catalog.references().get(c.ref());
            out.println("  [" + c.ref() + "] " + (ref == null ? "" : ref.title())
                    + (c.section() == null ? "" : ", " + c.section())
                    + (ref == null || ref.url() == null ? "" : " <" + ref.url() + ">"));
        }
    }
}

package org.e2eereview.rules;

import java.util.List;
import java.util.stream.Collectors;

import org.e2eereview.analysis.Route;
import org.e2eereview.catalog.Catalog;
import org.e2eereview.catalog.Entries.Citation;
import org.e2eereview.catalog.Entries.Legal;
import org.e2eereview.catalog.Entries.Objective;
import org.e2eereview.catalog.Entries.Reference;
import org.e2eereview.catalog.Entries.SafetyFeature;
import org.e2eereview.catalog.Entries.Weakening;
import org.e2eereview.model.ModelEnum;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;

/** docs/rules.md, generated from the rules, the catalog and the condition views. */
public final class RuleReference {

    private RuleReference() {
    }

    public static String markdown(RuleSet set) {
        Catalog catalog = set.catalog();
        StringBuilder out = new StringBuilder();
        out.append("# Rule reference\n\n")
                .append("Generated from `rules/` and `catalog/` by `RuleReference`; do not edit by hand. ")
                .append("`mvn test -De2ee.regenerate=true` rewrites it, and a test fails while it is stale.\n\n")
                .append("- [Weakening rules](#weakening-rules)\n- [Safety-feature rules](#safety-feature-rules)\n")
                .append("- [Public-safety objectives](#public-safety-objectives)\n")
                .append("- [Safeguards](#safeguards)\n")
                .append("- [Writing rules: the condition language](#writing-rules-the-condition-language)\n")
                .append("- [References](#references)\n\n");
        out.append("## Weakening rules\n\n| rule | severity | inspects | title |\n|---|---|---|---|\n");
        rulesOf(set, RuleKind.WEAKENING).forEach(r -> out.append("| [").append(r.id()).append("](#")
                .append(anchor(r.id())).append(") | ").append(r.severity().yamlName()).append(" | ")
                .append(r.inspects().yamlName()).append(" | ").append(r.title()).append(" |\n"));
        out.append("\n## Safety-feature rules\n\n| rule | verdict | title |\n|---|---|---|\n");
        rulesOf(set, RuleKind.SAFETY_FEATURE).forEach(r -> out.append("| [").append(r.id()).append("](#")
                .append(anchor(r.id())).append(") | ").append(r.verdict().yamlName()).append(" | ")
                .append(r.title()).append(" |\n"));
        out.append('\n');
        for (Rule r : set.rules().values()) ruleSection(out, r, catalog);
        out.append("## Public-safety objectives\n\nFrom the 2020 international statement [IS20].\n\n");
        for (Objective o : catalog.objectives().values()) {
            out.append("### ").append(o.title()).append(" (`").append(o.id()).append("`)\n\n")
                    .append(o.statement()).append("\n\n").append(o.description()).append("\n\n");
            citations(out, o.references());
        }
        out.append("## Safeguards\n\nWhat a model can declare against a reading route. A safeguard that prevents a ")
                .append("route removes the reader; one that only makes the route's use visible leaves the reader in ")
                .append("\"who can read\", at a lower severity, and findings name it.\n\n| safeguard | effect | what it does |\n")
                .append("|---|---|---|\n");
        for (var g : catalog.safeguards().values()) {
            out.append("| `").append(g.id()).append("` | ").append(g.effect() == org.e2eereview.model.Safeguard.Effect.PREVENTS
                    ? "prevents" : "makes visible").append(" | ").append(g.description().replace("|", "\\|")).append(" |\n");
        }
        out.append('\n');
        out.append(conditionLanguage());
        out.append("## References\n\n");
        for (Reference r : catalog.references().values()) {
            out.append("- **[").append(r.key()).append("]** ").append(r.title());
            if (r.authors() != null) out.append(". ").append(r.authors());
            if (r.date() != null) out.append(", ").append(r.date());
            if (r.publishedIn() != null) out.append(". ").append(r.publishedIn());
            if (r.identifiers() != null) out.append(". ").append(r.identifiers());
            if (r.url() != null) out.append(". <").append(r.url()).append('>');
            out.append('\n');
        }
        return out.toString();
    }

    private static List<Rule> rulesOf(RuleSet set, RuleKind kind) {
        return set.rules().values().stream().filter(r -> r.kind() == kind).toList();
    }

    private static void ruleSection(StringBuilder out, Rule r, Catalog catalog) {
        out.append("## ").append(r.id()).append("\n\n**").append(r.title()).append("** · ")
                .append(r.kind().yamlName()).append(" · severity ").append(r.severity().yamlName());
        for (Rule.SeverityIf s : r.severityIf()) out.append(" (").append(s.severity().yamlName()).append(" when `")
                .append(s.when().replace("|", "\\|")).append("`").append(s.because() == null ? "" : ": " + s.because())
                .append(")");
        if (r.verdict() != null) out.append(" · verdict: ").append(r.verdict().yamlName());
        out.append(" · inspects ").append(r.inspects().yamlName()).append(" · `").append(r.file()).append("`\n\n");
        Weakening w = catalog.weakenings().get(r.catalog());
        SafetyFeature s = catalog.safetyFeatures().get(r.catalog());
        if (w != null) {
            out.append(w.description()).append("\n\n")
                    .append("- Breaks: ").append(names(w.breaks())).append('\n')
                    .append("- ").append(w.systemic() ? "Systemic" : "Targeted").append(". Blast radius: ")
                    .append(w.blastRadius()).append('\n')
                    .append("- Defeated by: ").append(w.defeatedBy().isEmpty() ? "no safeguard" : names(w.defeatedBy()))
                    .append('\n');
            if (w.severityNote() != null) out.append("- Severity: ").append(w.severityNote()).append('\n');
            out.append("- Instead: ").append(w.alternative()).append("\n\n");
            instances(out, w.instances());
            legal(out, w.legal());
            citations(out, w.references());
        } else if (s != null) {
            out.append(s.description()).append("\n\n- Serves: ").append(String.join(", ", s.objectives())).append('\n')
                    .append("- Preserves E2EE: ").append(s.preservesE2ee().yamlName());
            if (s.weakening() != null) out.append(" (otherwise [").append(s.weakening()).append("](#")
                    .append(anchor(s.weakening())).append("))");
            out.append('\n');
            if (s.conditions() != null) out.append("- Conditions: ").append(s.conditions()).append('\n');
            out.append('\n');
            instances(out, s.instances());
            legal(out, s.legal());
            citations(out, s.references());
        }
        out.append("Condition:\n\n```\n").append(r.condition().strip()).append("\n```\n\n");
        for (Rule.Need n : r.needs()) {
            out.append("Not assessed where `").append(String.join("` or `", n.fields())).append("` is not written")
                    .append(n.when() == null ? "" : " (when `" + n.when().strip() + "`)").append(".\n\n");
        }
        if (!r.explains().isEmpty()) {
            out.append("Explains: ").append(r.explains().stream().map(e -> "[" + e + "](#" + anchor(e) + ")")
                    .collect(Collectors.joining(", "))).append(": what its findings explain is not reported again under ")
                    .append("those names.\n\n");
        }
        out.append("")
                .append("Remediation: ").append(r.remediation().strip()).append("\n\n")
                .append("Test cases:\n\n");
        for (Rule.Case t : r.tests()) {
            out.append("- ").append(t.expect().isEmpty() ? "does not fire" : "fires on " + String.join(", ", t.expect()))
                    .append(": ").append(t.name()).append('\n');
        }
        out.append('\n');
    }

    private static void instances(StringBuilder out, List<org.e2eereview.catalog.Entries.Instance> instances) {
        if (instances.isEmpty()) return;
        out.append("Real instances:\n\n");
        for (var i : instances) {
            out.append("- ").append(i.name()).append(i.year() == null ? "" : " (" + i.year() + ")").append(": ")
                    .append(i.note()).append('\n');
        }
        out.append('\n');
    }

    private static void legal(StringBuilder out, List<Legal> legal) {
        if (legal.isEmpty()) return;
        out.append("Legal provisions:\n\n");
        for (Legal l : legal) out.append("- ").append(l.provision()).append(" [").append(l.ref()).append("]: ")
                .append(l.note()).append('\n');
        out.append('\n');
    }

    private static void citations(StringBuilder out, List<Citation> refs) {
        if (refs.isEmpty()) return;
        out.append("References:\n\n");
        for (Citation c : refs) {
            out.append("- [").append(c.ref()).append(']').append(c.section() == null ? "" : " " + c.section())
                    .append(": ").append(c.fact()).append('\n');
        }
        out.append('\n');
    }

    /** The views conditions see: every variable and field, with types. */
    public static String conditionLanguage() {
        StringBuilder out = new StringBuilder("## Writing rules: the condition language\n\n");
        out.append("A rule is one YAML file in `rules/` (or in a directory given with `--rules`). Its `when` is a ")
                .append("[CEL](https://github.com/google/cel-spec) expression over the element it inspects, ")
                .append("available under the name of its kind (`conversation`, `key`, ...), and `system`. ")
                .append("Conditions are type-checked when rules load: a misspelt field is an error with its file, ")
                .append("line and column. `message` may insert CEL values with `{{expression}}` (where `readers` is the ")
                .append("finding's readers); `readers` is a CEL list of the parties a finding is about. `severity-if` ")
                .append("lists severities that apply when a condition holds, each with an optional `because` that ")
                .append("says why in a reader's words (the submission shows it beside the severity: \"high because ")
                .append("reading needs a user's device in hand\"). `needs` names ")
                .append("fields the rule cannot judge without: where none of them is written, the element is reported as ")
                .append("not assessed by the rule. `explains` names rules whose findings would repeat this one's under ")
                .append("another name: what this rule's findings explain is hidden from them. Rules that inspect ")
                .append("`outsider` run after all others, on whatever outside reading no weakening finding explains. ")
                .append("Each rule carries test cases: patches to ")
                .append("`rules/_test-base.yaml` and the elements the rule must fire on; the test suite runs them, and ")
                .append("`e2ee-review rules --test --rules DIR` runs them for your own rules.\n\n")
                .append("Routes (how a party reads): ");
        out.append(java.util.Arrays.stream(Route.values()).map(r -> "`" + r.id() + "` (" + r.description() + ")")
                .collect(Collectors.joining(", "))).append(".\n\n");
        for (ViewType<?> v : CelViews.ELEMENT_VIEWS) view(out, v);
        for (ViewType<?> v : CelViews.NESTED_VIEWS) view(out, v);
        return out.toString();
    }

    private static void view(StringBuilder out, ViewType<?> v) {
        out.append("### `").append(v.name()).append("`\n\n").append(v.description()).append("\n\n")
                .append("| field | type | meaning |\n|---|---|---|\n");
        for (var f : v.fields()) {
            out.append("| `").append(f.name()).append("` | ").append(typeName(f.type())).append(" | ")
                    .append(f.description().replace("|", "\\|")).append(" |\n");
        }
        out.append('\n');
    }

    private static String typeName(CelType t) {
        if (t instanceof ListType l) return "list(" + typeName(l.elemType()) + ")";
        return t.name().replace("e2ee.", "");
    }

    private static String names(List<? extends ModelEnum> values) {
        return values.stream().map(ModelEnum::yamlName).collect(Collectors.joining(", "));
    }

    static String anchor(String id) {
        return id.toLowerCase(java.util.Locale.ROOT);
    }
}

package org.e2eereview.rules;

import org.e2eereview.catalog.Severity;
import org.e2eereview.load.FieldType;
import org.e2eereview.load.ObjectSpec;

/** The format of rule files: one rule per file, with its own test cases. */
final class RuleFormat {

    private RuleFormat() {
    }

    private static final FieldType TEXT = new FieldType.Text();

    static final ObjectSpec SEVERITY_IF = ObjectSpec.of("severity-if", "A severity that applies when a condition holds.")
            .required("when", TEXT, "CEL condition over the inspected element.")
            .required("severity", new FieldType.Choice(Severity.class), "The severity then.")
            .optional("because", TEXT, "Why, in a reader's words, shown beside the severity in the submission "
                    + "(\"high because reading needs a user's device in hand\"): the same finding differs in severity "
                    + "between designs, and a reader comparing them asks why.");

    static final ObjectSpec TITLE_IF = ObjectSpec.of("title-if", "A title that applies when a condition holds.")
            .required("when", TEXT, "CEL condition over the inspected element.")
            .required("title", TEXT, "The title then: the variant the finding is (a visible addition is not silent).")
            .optional("catalog", TEXT, "The catalog entry of this variant, whose summary, blast radius and references "
                    + "the finding then cites (a parental notice is not a detection order); the rule's otherwise.");

    static final ObjectSpec FIELD_IF = ObjectSpec.of("field-if", "A field cited as evidence when a condition holds.")
            .required("field", TEXT, "Field of the element (YAML name, a.b for nested).")
            .required("when", TEXT, "CEL condition over the inspected element.");

    static final ObjectSpec NEED = ObjectSpec.of("need",
                    "A field the rule needs: where it is not written, the rule is not assessed on the element.")
            .required("field", TEXT, "Field of the element (YAML name, a.b for nested).")
            .optional("or", new FieldType.ListOf(TEXT), "Other fields any of which will do instead.")
            .optional("when", TEXT, "CEL condition: the need applies only to elements where it holds.");

    static final ObjectSpec EXPECTED = ObjectSpec.of("expected-finding",
                    "What one finding of a test case must say; fields not written are not checked.")
            .required("on", TEXT, "The element it is on: one of the case's expect ids.")
            .optional("severity", new FieldType.Choice(Severity.class), "Its severity.")
            .optional("readers", new FieldType.ListOf(TEXT), "Exactly the parties it names, in any order; [] for none.")
            .optional("condition", TEXT, "When its readers read, at best: always, by-default, opt-in, "
                    + "on-organisation-decision, on-legal-order, with-device or on-fallback; none when it names no reading.")
            .optional("message", TEXT, "Text its message contains.")
            .optional("without-readers", TEXT, "Text its reason for naming no reader contains.");

    static final ObjectSpec TEST = ObjectSpec.of("test", "A model snippet and the elements the rule must fire on.")
            .required("name", TEXT, "What the case shows.")
            .required("expect", new FieldType.ListOf(TEXT),
                    "Ids of the elements the rule must fire on, and no others; [] for a case where it must not fire.")
            .optional("findings", new FieldType.ListOf(new FieldType.Obj(EXPECTED)),
                    "What the findings on some of those elements must say: severity, readers, condition, message.")
            .required("model", TEXT, "YAML merged onto rules/_test-base.yaml (null removes a key).");

    static final ObjectSpec RULE = ObjectSpec.of("rule", "A detection rule.")
            .required("id", TEXT, "Stable id, equal to the file name; findings are RULE-ID@element.")
            .required("title", TEXT, "Short title.")
            .required("kind", new FieldType.Choice(RuleKind.class), "What the rule reports.")
            .required("severity", new FieldType.Choice(Severity.class), "Severity of its findings.")
            .optional("severity-if", new FieldType.ListOf(new FieldType.Obj(SEVERITY_IF)),
                    "Severities that apply under conditions; the first that holds wins.")
            .optional("title-if", new FieldType.ListOf(new FieldType.Obj(TITLE_IF)),
                    "Titles that apply under conditions; the first that holds wins. The rule id stays.")
            .optional("visible-lowers", new FieldType.Bool(),
                    "Whether a finding whose every reading members would see (a safeguard that shows it, on any "
                            + "route) is one severity lower than severity and severity-if give. Rules that judge "
                            + "visibility in their own severity-if leave it out.")
            .required("catalog", TEXT, "The catalog entry it implements.")
            .required("inspects", new FieldType.Choice(Inspects.class), "The element kind it looks at.")
            .required("when", TEXT, "CEL condition: the rule fires on an element when it is true.")
            .optional("readers", TEXT, "CEL list of the parties the finding is about (who can read). A conversation "
                    + "rule with evidence-routes defaults to the outsiders who read the conversation by those routes.")
            .optional("evidence-routes", new FieldType.ListOf(TEXT),
                    "Routes whose evidence chains the finding cites for its readers.")
            .optional("evidence-fields", new FieldType.ListOf(TEXT),
                    "Fields of the element (YAML names, a.b for nested) the finding cites.")
            .optional("evidence-fields-if", new FieldType.ListOf(new FieldType.Obj(FIELD_IF)),
                    "Fields the finding cites only when a condition holds.")
            .optional("needs", new FieldType.ListOf(new FieldType.Obj(NEED)),
                    "Fields the rule cannot judge without; where one is not written the element is reported as "
                            + "not assessed by this rule.")
            .optional("explains", new FieldType.ListOf(TEXT),
                    "Rules whose findings would repeat this one's under another name: their readers that this "
                            + "rule's findings explain are left to this rule.")
            .required("message", TEXT, "The finding's message; {{expression}} inserts a CEL value.")
            .optional("without-readers", TEXT, "For a finding that names no reader: why none, in words ({{expression}} "
                    + "inserts a CEL value), e.g. a weakness of the protocol that whoever later obtains a key can use. A "
                    + "weakening at low or above names its readers or says why none.")
            .required("remediation", TEXT, "What to change.")
            .optional("verdict", new FieldType.Choice(Verdict.class),
                    "For safety-feature rules: whether the feature preserves E2EE here.")
            .required("tests", new FieldType.ListOf(new FieldType.Obj(TEST)), "Test cases.");
}

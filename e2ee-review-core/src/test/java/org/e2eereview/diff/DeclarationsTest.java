package org.e2eereview.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.e2eereview.Corpus;
import org.e2eereview.Repo;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.model.Model;
import org.junit.jupiter.api.Test;

class DeclarationsTest {

    @Test
    void everyFieldTheExamplesWriteIsReadWithItsValue() throws Exception {
        for (Model m : Corpus.examples()) {
            Declarations d = Declarations.of(m);
            Declarations again = Declarations.of(new ModelLoader().load(Path.of(m.file())));
            assertThat(d.fields()).as(m.file()).isNotEmpty();
            // A field whose record component is not found compares equal to nothing: a safeguard it declares
            // would show as added where it was only made relevant.
            assertThat(d.fields()).as(m.file() + ": fields read as written").allMatch(again::writes);
        }
    }

    @Test
    void aChangedValueOrAnotherElementIsNotTheSameDeclaration() throws Exception {
        Model m = new ModelLoader().load(Repo.file("examples/mls-key-transparency.yaml"));
        Declarations.Field shown = Declarations.of(m).fields().stream()
                .filter(f -> f.name().equals("changes-shown")).findFirst().orElseThrow();
        assertThat(shown.holder()).isEqualTo("conversations.mls-group.membership");
        Declarations d = Declarations.of(m);
        assertThat(d.writes(shown)).isTrue();
        assertThat(d.writes(new Declarations.Field(shown.holder(), shown.name(), null))).isFalse();
        assertThat(d.writes(new Declarations.Field("conversations.other.membership", shown.name(), shown.value())))
                .isFalse();
        assertThat(Declarations.camel("device-list-signed")).isEqualTo("deviceListSigned");
    }

    @Test
    void aFieldNoComponentIsNamedAfterIsJudgedByItsWholeRecord() throws Exception {
        String text = Files.readString(Repo.file("examples/mls-key-transparency.yaml"));
        String line = "end-to-end: { default: true, forward-secrecy: true, post-compromise-security: true }";
        assertThat(text).contains(line);
        Declarations.Field byDefault = Declarations.of(parse(text)).fields().stream()
                .filter(f -> f.name().equals("default")).findFirst().orElseThrow();
        assertThat(Declarations.of(parse("# every line one down\n" + text)).writes(byDefault))
                .as("moved, not changed").isTrue();
        assertThat(Declarations.of(parse(text.replace(line, line.replace("post-compromise-security: true",
                "post-compromise-security: false")))).writes(byDefault)).isFalse();
    }

    @Test
    void aPatchedModelsDeclarationsMadeOverTheDesignsAreItsOwn() throws Exception {
        java.util.List<Path> designs = new java.util.ArrayList<>(Corpus.files("examples"));
        Path synthetic = Files.createTempFile("synthetic", ".yaml");
        Files.writeString(synthetic, org.e2eereview.bench.SyntheticModel.generate(400));
        designs.add(synthetic);
        int looked = 0;
        for (Path p : designs) {
            var result = new org.e2eereview.assess.Assessor(Corpus.reviewer()).assess(p, java.util.List.of());
            Model design = result.original().model();
            Declarations declared = Declarations.of(design);
            for (var a : result.assessments()) {
                if (!a.applied()) continue;
                Model patched = a.patched().model();
                Declarations alone = Declarations.of(patched);
                Declarations over = Declarations.of(patched, design, declared);
                String as = p.getFileName() + " with " + a.proposal().id();
                assertThat(sorted(over.fields())).as(as).isEqualTo(sorted(alone.fields()));
                for (Declarations.Field f : alone.fields()) {
                    assertThat(over.writes(f)).as(as + ": " + f).isTrue();
                }
                for (Declarations.Field f : declared.fields()) {
                    assertThat(over.writes(f)).as(as + ": " + f).isEqualTo(alone.writes(f));
                }
                // A safeguard is looked up by where it is declared, in the design or in the patch.
                java.util.List<org.e2eereview.analysis.Safeguarded> guards = new java.util.ArrayList<>(a.patched().safeguards());
                guards.addAll(result.original().safeguards());
                for (var g : guards) {
                    assertThat(said(over.at(g.at()))).as(as + ": " + g).isEqualTo(said(alone.at(g.at())));
                    if (alone.at(g.at()) != null) looked++;
                }
            }
        }
        Files.delete(synthetic);
        assertThat(looked).as("safeguards declared at a field").isPositive();
    }

    private static String said(Declarations.Field f) {
        return f == null ? null : f.holder() + " " + f.name() + " " + f.value();
    }

    private static java.util.List<String> sorted(java.util.Collection<Declarations.Field> fields) {
        return fields.stream().map(f -> f.holder() + " " + f.name() + " " + f.value()).sorted().toList();
    }

    private static Model parse(String text) throws Exception {
        return new ModelLoader().parse("m.yaml", text.getBytes(StandardCharsets.UTF_8));
    }
}

package org.e2eereview.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.e2eereview.Golden;
import org.e2eereview.Repo;
import org.junit.jupiter.api.Test;

/** docs/model.md and schema/ are generated from {@link ModelFormat}; these tests keep them in step. */
class FormatDocsTest {

    static final Path DOC = Repo.file("docs/model.md");
    static final Path SCHEMA = Repo.file("schema/e2ee-review.schema.json");

    @Test
    void schemaFileIsCurrent() throws Exception {
        Golden.check(SCHEMA, JsonSchema.text());
    }

    @Test
    void referenceInModelDocIsCurrent() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        Golden.check(DOC, Golden.between(doc, FormatReference.BEGIN, FormatReference.END, FormatReference.markdown()));
    }

    /** docs/catalog.md: the field tables of the catalog's files, between markers in a hand-written page. */
    @Test
    void referenceInCatalogDocIsCurrent() throws Exception {
        Path catalogDoc = Repo.file("docs/catalog.md");
        String doc = Files.readString(catalogDoc, StandardCharsets.UTF_8);
        Golden.check(catalogDoc, Golden.between(doc, FormatReference.BEGIN, FormatReference.END,
                org.e2eereview.catalog.Catalog.formatReference()));
    }

    @Test
    void powersTableInModelDocIsCurrent() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        Golden.check(DOC, Golden.between(doc, org.e2eereview.analysis.PowersReference.BEGIN,
                org.e2eereview.analysis.PowersReference.END, org.e2eereview.analysis.PowersReference.markdown()));
    }

    /** Reads the field tables of docs/model.md as a reader would, independent of the generator. */
    @Test
    void everyFieldTheLoaderAcceptsIsDocumentedAndNothingElse() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        Set<String> documented = new TreeSet<>();
        String section = null;
        Pattern heading = Pattern.compile("^### `([a-z-]+)`$");
        Pattern row = Pattern.compile("^\\| `([a-z0-9-]+)` \\|");
        for (String line : doc.split("\n")) {
            Matcher h = heading.matcher(line);
            if (h.matches()) section = h.group(1);
            Matcher r = row.matcher(line);
            if (r.find() && section != null) documented.add(section + "." + r.group(1));
        }
        Set<String> accepted = new TreeSet<>();
        for (ObjectSpec spec : ModelFormat.MODEL.reachable()) {
            for (String f : spec.fieldNames()) accepted.add(spec.name() + "." + f);
        }
        assertThat(documented).isEqualTo(accepted);
    }

    @Test
    void schemaHasTheSameFieldsAsTheLoader() throws Exception {
        var schema = new com.fasterxml.jackson.databind.ObjectMapper().readTree(SCHEMA.toFile());
        Set<String> inSchema = new LinkedHashSet<>();
        schema.get("properties").fieldNames().forEachRemaining(f -> inSchema.add("model." + f));
        schema.get("definitions").fields().forEachRemaining(d ->
                d.getValue().get("properties").fieldNames().forEachRemaining(f -> inSchema.add(d.getKey() + "." + f)));
        Set<String> accepted = new LinkedHashSet<>();
        for (ObjectSpec spec : ModelFormat.MODEL.reachable()) {
            for (String f : spec.fieldNames()) accepted.add(spec.name() + "." + f);
        }
        assertThat(new TreeSet<>(inSchema)).isEqualTo(new TreeSet<>(accepted));
    }
}

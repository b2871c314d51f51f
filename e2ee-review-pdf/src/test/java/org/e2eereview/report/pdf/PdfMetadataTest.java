package org.e2eereview.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.e2eereview.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PDF's metadata names the model by its file name: a submission is published, and the folder
 * it was made in is the author's business.
 */
class PdfMetadataTest {

    private static final String FOLDER = "home-of-jane-doe-private";

    @Test
    void metadataNamesTheModelByFileNameNeverByItsPath(@TempDir Path dir) throws Exception {
        Path model = Files.createDirectories(dir.resolve(FOLDER).resolve("drafts")).resolve("our-design.yaml");
        Files.copy(Repo.file("examples/signal.yaml"), model);
        byte[] pdf = Submissions.pdf("private", model.toAbsolutePath(), false).pdf();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDDocumentInformation info = doc.getDocumentInformation();
            List<String> fields = new ArrayList<>();
            for (String key : info.getMetadataKeys()) {
                if (info.getCOSObject().getDictionaryObject(key) instanceof COSString s) fields.add(key + "=" + s.getString());
            }
            assertThat(fields).isNotEmpty().noneMatch(f -> f.contains(FOLDER) || f.contains(dir.toString()));
            assertThat(info.getSubject()).contains("our-design.yaml");
            assertThat(info.getTitle()).isNotBlank();
            assertThat(info.getKeywords()).isNotBlank();

            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).contains("our-design.yaml").contains(info.getTitle()).doesNotContain(FOLDER)
                    .contains("pdfuaid:part");

            // Alt texts, link descriptions and the other strings of the structure and annotations are read
            // aloud and indexed too; the page's own text is the template's to decide.
            List<String> strings = new ArrayList<>();
            strings(doc.getDocumentCatalog().getCOSObject(), strings, Collections.newSetFromMap(new IdentityHashMap<>()));
            assertThat(strings).isNotEmpty().noneMatch(s -> s.contains(FOLDER));
        }
    }

    @Test
    void aFileNameIsTheLastPartOfAPathWrittenForAnySystem() {
        assertThat(Metadata.fileName("/home/jane/models/a.yaml")).isEqualTo("a.yaml");
        assertThat(Metadata.fileName("C:\\Users\\jane\\models\\b.yaml")).isEqualTo("b.yaml");
        assertThat(Metadata.fileName("c.yaml")).isEqualTo("c.yaml");
    }

    private static void strings(COSBase node, List<String> out, Set<COSBase> seen) {
        COSBase b = node instanceof COSObject o ? o.getObject() : node;
        if (b == null || !seen.add(b)) return;
        if (b instanceof COSString s) out.add(s.getString());
        else if (b instanceof COSArray a) for (COSBase e : a) strings(e, out, seen);
        else if (b instanceof COSDictionary d) {
            for (COSName key : d.keySet()) {
                if (!key.equals(COSName.PARENT) && !key.equals(COSName.P)) strings(d.getItem(key), out, seen);
            }
        }
    }
}

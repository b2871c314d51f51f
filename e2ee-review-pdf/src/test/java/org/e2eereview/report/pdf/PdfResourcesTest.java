package org.e2eereview.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/**
 * Nothing reaches the network or the disk while the PDF is made, whatever the page or its drawing
 * asks for: Batik would otherwise fetch an SVG's images, referenced drawings and style sheets.
 */
class PdfResourcesTest {

    @Test
    void theRendererFetchesNothingTheDocumentOrItsDrawingPointsAt(@TempDir Path dir) throws Exception {
        BufferedImage red = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        Path png = dir.resolve("local.png");
        ImageIO.write(red, "png", png.toFile());
        Path svgFile = Files.writeString(dir.resolve("other.svg"),
                "<svg xmlns='http://www.w3.org/2000/svg'><rect id='r' width='5' height='5'/></svg>");
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = Files.readAllBytes(png);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String http = "http://127.0.0.1:" + server.getAddress().getPort();
            List<String> targets = List.of(http + "/a.png", png.toUri().toString(), http + "/b.svg#r",
                    svgFile.toUri() + "#r");
            StringBuilder svg = new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' "
                    + "xmlns:xlink='http://www.w3.org/1999/xlink' viewBox='0 0 200 100' font-size='12'>"
                    + "<title>Hostile drawing</title>"
                    + "<style>@import url(" + http + "/c.css); rect { fill: url(" + http + "/d.svg#g); }</style>");
            for (String t : targets) {
                svg.append("<image x='0' y='0' width='50' height='50' xlink:href='").append(t).append("'/>");
                svg.append("<use xlink:href='").append(t).append("'/>");
                svg.append("<image x='0' y='0' width='50' height='50' href='").append(t).append("'/>");
            }
            svg.append("<filter id='f'><feImage xlink:href='").append(http).append("/e.png'/></filter>")
                    .append("<rect width='10' height='10' filter='url(#f)'/>")
                    .append("<text x='10' y='60' font-family='").append(http).append("/font.ttf'>text</text></svg>");
            String xhtml = "<html xmlns='http://www.w3.org/1999/xhtml' lang='en'><head><title>t</title>"
                    + "<link rel='stylesheet' href='" + http + "/f.css'/>"
                    + "<style>@import url('" + http + "/g.css'); body { background: url(" + http + "/h.png); }"
                    + "@font-face { font-family: x; src: url(" + http + "/i.ttf); } p { font-family: x; }</style>"
                    + "</head><body><p>text <img alt='i' src='" + http + "/j.png'/><img alt='k' src='" + png.toUri()
                    + "'/></p><figure>" + svg + "<figcaption>caption</figcaption></figure></body></html>";
            byte[] pdf = PdfDocument.render(xhtml, new Metadata.Info("t", null, "s", "k", "e2ee-review test", "2026-06-01"));
            assertThat(requests.get()).as("requests that reached the server").isZero();
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                assertThat(images(doc)).as("images drawn from outside the document").isZero();
            }
        } finally {
            server.stop(0);
        }
    }

    private static int images(PDDocument doc) throws Exception {
        int n = 0;
        for (PDPage page : doc.getPages()) n += images(page.getResources());
        return n;
    }

    /** Image XObjects among the resources, and among those of the forms they draw. */
    private static int images(PDResources resources) throws Exception {
        int n = 0;
        if (resources == null) return 0;
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDImageXObject) n++;
            else if (x instanceof PDFormXObject form) n += images(form.getResources());
        }
        return n;
    }
}

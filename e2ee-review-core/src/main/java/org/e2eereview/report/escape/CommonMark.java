package org.e2eereview.report.escape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.markdown.MarkdownNodeRendererContext;
import org.commonmark.renderer.markdown.MarkdownNodeRendererFactory;
import org.commonmark.renderer.markdown.MarkdownRenderer;

/**
 * An organisation's own prose, written in CommonMark (paragraphs, lists, emphasis, links), made
 * safe for each medium it is printed in. What prose may hold is narrower than CommonMark: raw HTML
 * shows as the text it is, images become their description (a report fetches nothing), links keep
 * only http, https and mailto targets, and headings become bold paragraphs so that the document's
 * own outline stays the document's.
 */
public final class CommonMark {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .softbreak(" ").build();
    private static final MarkdownRenderer MARKDOWN = MarkdownRenderer.builder()
            .nodeRendererFactory(new TemplateCharacters()).build();

    /**
     * Renders nothing itself; it makes the Markdown renderer backslash the characters of template
     * syntax ({@code ${x}}, {@code {{y}}}) and of tables, as every other model text is escaped in
     * Markdown, so that a page built from the report does not take prose for a template.
     */
    private static final class TemplateCharacters implements MarkdownNodeRendererFactory {
        @Override
        public NodeRenderer create(MarkdownNodeRendererContext context) {
            return new NodeRenderer() {
                @Override
                public Set<Class<? extends Node>> getNodeTypes() {
                    return Set.of();
                }

                @Override
                public void render(Node node) {
                }
            };
        }

        @Override
        public Set<Character> getSpecialCharacters() {
            return Set.of('$', '{', '}', '|', '~');
        }
    }

    private CommonMark() {
    }

    /** XHTML fragment (well-formed, so the PDF can lay it out), or null for no text. */
    public static String html(String text) {
        Node doc = parse(text);
        return doc == null ? null : HTML.render(doc).strip();
    }

    /** Markdown that renders as the prose does, with no live link but those written as links. */
    public static String markdown(String text) {
        Node doc = parse(text);
        if (doc == null) return null;
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                t.setLiteral(Markdown.breakAutolinks(t.getLiteral()));
            }
        });
        return MARKDOWN.render(doc).strip();
    }

    private static Node parse(String text) {
        if (text == null || text.isBlank()) return null;
        Node doc = PARSER.parse(Inert.text(text));
        List<Node> found = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlBlock n) {
                found.add(n);
            }

            @Override
            public void visit(HtmlInline n) {
                found.add(n);
            }

            @Override
            public void visit(Image n) {
                found.add(n);
            }

            @Override
            public void visit(Link n) {
                found.add(n);
                visitChildren(n);
            }

            @Override
            public void visit(Heading n) {
                found.add(n);
                visitChildren(n);
            }
        });
        for (Node n : found) tidy(n);
        return doc;
    }

    private static void tidy(Node n) {
        if (n instanceof HtmlInline h) {
            n.insertBefore(new Text(h.getLiteral()));
            n.unlink();
        } else if (n instanceof HtmlBlock h) {
            Paragraph p = new Paragraph();
            p.appendChild(new Text(h.getLiteral().strip()));
            n.insertBefore(p);
            n.unlink();
        } else if (n instanceof Image || n instanceof Link l && !safe(l.getDestination())) {
            unwrap(n);
        } else if (n instanceof Heading) {
            Paragraph p = new Paragraph();
            StrongEmphasis strong = new StrongEmphasis("**");
            moveChildren(n, strong);
            p.appendChild(strong);
            n.insertBefore(p);
            n.unlink();
        }
    }

    private static boolean safe(String destination) {
        String d = destination.strip().toLowerCase(Locale.ROOT);
        return d.startsWith("https://") || d.startsWith("http://") || d.startsWith("mailto:");
    }

    /** Replaces a node by its children: a link's text without the link, an image's description. */
    private static void unwrap(Node n) {
        Node child = n.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            n.insertBefore(child);
            child = next;
        }
        n.unlink();
    }

    private static void moveChildren(Node from, Node to) {
        Node child = from.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            to.appendChild(child);
            child = next;
        }
    }
}

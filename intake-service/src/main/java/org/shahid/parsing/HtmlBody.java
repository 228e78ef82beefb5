package org.shahid.parsing;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reads an HTML mail body two ways with jsoup: as plain text with paragraphs, line breaks and link targets kept,
 * and as HTML cleaned to basic formatting without scripts, images or any remote resource. Stateless, thread-safe.
 */
final class HtmlBody {

    private static final Set<String> PARAGRAPH_TAGS =
            Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "ul", "ol", "pre", "hr");
    private static final Set<String> LINE_TAGS = Set.of("div", "li", "tr", "dt", "dd", "section", "article",
            "header", "footer", "address", "dl", "center", "form", "fieldset", "caption");

    private HtmlBody() {
    }

    static String toReadableText(String html) {
        Document document = withoutInvisibleContent(html);
        TextCollector collector = new TextCollector();
        NodeTraversor.traverse(collector, document.body());
        return collector.text();
    }

    static String sanitize(String html) {
        // basic() allows no images; "dir" keeps Arabic and Kurdish paragraphs right-to-left.
        Safelist safelist = Safelist.basic().addAttributes(":all", "dir");
        Document.OutputSettings settings = new Document.OutputSettings().prettyPrint(false);
        // An empty base URI drops relative links, which could only resolve against a remote page.
        return Jsoup.clean(withoutInvisibleContent(html).body().html(), "", safelist, settings).strip();
    }

    /** The cleaner would keep the text of a title or a script as visible text; remove such elements whole. */
    private static Document withoutInvisibleContent(String html) {
        Document document = Jsoup.parse(html);
        document.outputSettings().prettyPrint(false);
        document.select("script, style, head, title, noscript, template, object, embed").remove();
        return document;
    }

    /** Walks the document once; not thread-safe, one per conversion. */
    private static final class TextCollector implements NodeVisitor {

        private final StringBuilder out = new StringBuilder();
        private int preformattedDepth;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode textNode) {
                appendText(textNode.getWholeText());
            } else if (node instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("br")) {
                    out.append('\n');
                } else if (tag.equals("pre")) {
                    preformattedDepth++;
                }
                if (PARAGRAPH_TAGS.contains(tag)) {
                    endParagraph();
                } else if (LINE_TAGS.contains(tag)) {
                    endLine();
                }
                if (tag.equals("li")) {
                    out.append("- ");
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element element)) {
                return;
            }
            String tag = element.normalName();
            if (tag.equals("pre")) {
                preformattedDepth--;
            }
            if (tag.equals("a")) {
                appendLinkTarget(element);
            } else if (tag.equals("td") || tag.equals("th")) {
                out.append(' ');
            } else if (PARAGRAPH_TAGS.contains(tag)) {
                endParagraph();
            } else if (LINE_TAGS.contains(tag)) {
                endLine();
            }
        }

        private void appendText(String text) {
            if (preformattedDepth > 0) {
                out.append(text.replace('\u00A0', ' '));
                return;
            }
            String collapsed = text.replace('\u00A0', ' ').replaceAll("\\s+", " ");
            if (atLineStart() || endsWithSpace()) {
                collapsed = collapsed.stripLeading();
            }
            out.append(collapsed);
        }

        private void appendLinkTarget(Element link) {
            String href = link.attr("href").trim();
            boolean readableTarget = href.startsWith("http://") || href.startsWith("https://")
                    || href.startsWith("mailto:");
            if (readableTarget && !link.text().trim().equals(href)) {
                out.append(" (").append(href).append(')');
            }
        }

        private void endLine() {
            trimTrailingSpaces();
            if (!atLineStart()) {
                out.append('\n');
            }
        }

        private void endParagraph() {
            endLine();
            boolean blankLineAlready = out.length() >= 2 && out.charAt(out.length() - 2) == '\n';
            if (out.length() > 0 && !blankLineAlready) {
                out.append('\n');
            }
        }

        private void trimTrailingSpaces() {
            while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
                out.setLength(out.length() - 1);
            }
        }

        private boolean atLineStart() {
            return out.length() == 0 || out.charAt(out.length() - 1) == '\n';
        }

        private boolean endsWithSpace() {
            return out.length() > 0 && out.charAt(out.length() - 1) == ' ';
        }

        String text() {
            // Line by line rather than one regex: a <pre> with a huge run of blanks would make a regex quadratic.
            StringBuilder text = new StringBuilder(out.length());
            int blankLines = 0;
            for (String line : out.toString().split("\n", -1)) {
                String trimmed = line.stripTrailing();
                blankLines = trimmed.isEmpty() ? blankLines + 1 : 0;
                if (blankLines < 2) {
                    text.append(trimmed).append('\n');
                }
            }
            return text.toString().strip();
        }
    }
}

package org.shahid.outbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.shahid.language.Language;

/**
 * Finds what in an acknowledgement's HTML could reach out to a server when the mail is opened or clicked:
 * a fetched resource tells whoever runs that server that this person reported, and when.
 * Stateless and thread-safe.
 */
final class HtmlPrivacyRules {

    // Elements that fetch, run or submit something; a plain acknowledgement needs none of them.
    private static final List<String> FORBIDDEN_ELEMENTS = List.of(
            "img", "picture", "source", "video", "audio", "iframe", "frame", "object", "embed",
            "script", "link", "base", "form", "input", "svg", "style");

    // Attributes through which a browser or mail client loads a remote resource.
    private static final List<String> LOADING_ATTRIBUTES = List.of(
            "src", "srcset", "background", "poster", "data", "action", "formaction", "lowsrc", "dynsrc");

    private HtmlPrivacyRules() {
    }

    /** One sentence per violation; empty when the HTML is safe to send. */
    static List<String> violations(String html, Language language) {
        Document document = Jsoup.parse(html);
        List<String> violations = new ArrayList<>();
        Element root = document.selectFirst("html");
        if (root == null || !language.direction().equals(root.attr("dir"))) {
            violations.add("<html> must have dir=\"" + language.direction() + "\"");
        }
        if (root == null || !language.code().equals(root.attr("lang"))) {
            violations.add("<html> must have lang=\"" + language.code() + "\"");
        }
        for (Element element : document.getAllElements()) {
            String tag = element.normalName();
            if (FORBIDDEN_ELEMENTS.contains(tag)) {
                violations.add("<" + tag + "> is not allowed (no images, scripts, style sheets or forms)");
            }
            if (tag.equals("meta") && element.hasAttr("http-equiv")) {
                violations.add("<meta http-equiv> is not allowed");
            }
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                String value = attribute.getValue().toLowerCase(Locale.ROOT);
                if (LOADING_ATTRIBUTES.contains(name)) {
                    violations.add("<" + tag + " " + name + "> loads a resource; not allowed");
                }
                if (name.startsWith("on")) {
                    violations.add("<" + tag + " " + name + "> runs a script; not allowed");
                }
                if (name.equals("style") && (value.contains("url(") || value.contains("@import"))) {
                    violations.add("<" + tag + " style> loads a resource with url() or @import; not allowed");
                }
                // A clicked web link tells its server who reported; only links that write mail are allowed.
                if (name.equals("href") && !value.strip().startsWith("mailto:")) {
                    violations.add("<" + tag + " href=\"" + attribute.getValue() + "\"> is not a mailto: link");
                }
            }
        }
        return violations;
    }
}

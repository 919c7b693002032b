package org.veritally.web.feed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Writes an Atom 1.0 feed document (RFC 4287) as UTF-8 XML. Every text and attribute value is escaped
 * (XML 1.0 §2.4, §3.3.3: {@code & < > " '}), and characters XML 1.0 cannot carry at all (§2.2: controls
 * other than tab, line feed and carriage return; unpaired surrogates; U+FFFE, U+FFFF) become U+FFFD, so
 * the document is well-formed whatever a source or an authority named things.
 *
 * <ul>
 *   <li>{@code atom:id} (§4.2.6) are {@code urn:uuid:} URNs (RFC 9562 name-based, version 3) of the log's
 *       origin and the item's key: permanent, and the same for one item in every language and rendering;
 *   <li>dates (§3.3) are RFC 3339 UTC date-times to the second;
 *   <li>the feed has {@code atom:author} (§4.1.1), a {@code self} link (§4.2.7.2) and {@code xml:lang};
 *       each entry a {@code summary} and an {@code alternate} link (§4.1.2, no {@code atom:content}).
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class AtomFeed {
    /** RFC 4287 §7: the media type of an Atom document. */
    public static final String MEDIA_TYPE = "application/atom+xml";

    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_INSTANT;

    private AtomFeed() {}

    /**
     * The feed document.
     *
     * @param origin the log's origin (the checkpoint's first line), what makes the ids unique
     * @param lang the feed's language code ({@code xml:lang})
     * @param title the feed's title
     * @param self the feed's own address ({@code rel="self"})
     * @param home the site's page for the whole election ({@code rel="alternate"})
     * @param updated the feed's {@code atom:updated}: the latest checkpoint's time
     * @param items the entries, newest first
     */
    public static byte[] write(
            String origin, String lang, String title, String self, String home, Instant updated, List<FeedItem> items) {
        StringBuilder x = new StringBuilder(512 + 640 * items.size());
        x.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        x.append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"")
                .append(escape(lang))
                .append("\">\n");
        element(x, "  ", "id", id(origin, "feed/" + lang));
        element(x, "  ", "title", title);
        element(x, "  ", "updated", date(updated));
        x.append("  <author><name>Veritally</name></author>\n");
        link(x, "  ", "self", self, MEDIA_TYPE);
        link(x, "  ", "alternate", home, "text/html");
        x.append("  <generator>Veritally</generator>\n");
        for (FeedItem i : items) {
            x.append("  <entry>\n");
            element(x, "    ", "id", id(origin, i.key()));
            element(x, "    ", "title", i.title());
            element(x, "    ", "updated", date(i.updated()));
            element(x, "    ", "published", date(i.published()));
            x.append("    <category term=\"").append(escape(i.kind())).append("\"/>\n");
            link(x, "    ", "alternate", i.href(), "text/html");
            element(x, "    ", "summary", i.summary());
            x.append("  </entry>\n");
        }
        x.append("</feed>\n");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code atom:id} of {@code key} in the log {@code origin}. */
    public static String id(String origin, String key) {
        return "urn:uuid:"
                + UUID.nameUUIDFromBytes(("veritally\n" + origin + "\n" + key).getBytes(StandardCharsets.UTF_8));
    }

    static String date(Instant t) {
        return RFC3339.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    private static void element(StringBuilder x, String indent, String name, String text) {
        x.append(indent).append('<').append(name).append('>');
        x.append(escape(text));
        x.append("</").append(name).append(">\n");
    }

    private static void link(StringBuilder x, String indent, String rel, String href, String type) {
        x.append(indent)
                .append("<link rel=\"")
                .append(rel)
                .append("\" type=\"")
                .append(type)
                .append("\" href=\"")
                .append(escape(href))
                .append("\"/>\n");
    }

    /** {@code s} as XML character data or an attribute value (either quote), with no character XML forbids. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c)
                            && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        b.append(c).append(s.charAt(++i));
                    } else if (allowed(c)) {
                        b.append(c);
                    } else {
                        b.append('\uFFFD');
                    }
                }
            }
        }
        return b.toString();
    }

    /** XML 1.0 §2.2 Char, for one UTF-16 unit that is not part of a surrogate pair. */
    private static boolean allowed(char c) {
        if (c == '\t' || c == '\n' || c == '\r') return true;
        if (c < 0x20) return false;
        if (Character.isSurrogate(c)) return false;
        return c != '\uFFFE' && c != '\uFFFF';
    }
}

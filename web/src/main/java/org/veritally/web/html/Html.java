package org.veritally.web.html;

/**
 * A small HTML writer: literal markup goes in through {@link #raw}, every value through {@link
 * #text} or an attribute method, which escape it. There is no other way in, so a value (a unit name
 * that holds {@code <script>}) can never become markup. Not thread-safe: one per page render.
 */
public final class Html {
    private final StringBuilder out;

    public Html(int capacity) {
        this.out = new StringBuilder(capacity);
    }

    public Html() {
        this(8192);
    }

    /** Escapes text for an HTML text node or a quoted attribute value ({@code & < > " '}). */
    public static String escape(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            String rep = switch (s.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (rep == null) {
                if (b != null) b.append(s.charAt(i));
                continue;
            }
            if (b == null) b = new StringBuilder(s.length() + 16).append(s, 0, i);
            b.append(rep);
        }
        return b == null ? s : b.toString();
    }

    /** Appends literal markup. Callers pass only constants of this module, never data. */
    public Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Appends escaped text. */
    public Html text(String value) {
        out.append(escape(value));
        return this;
    }

    /** Appends {@code <tag a="v" ...>} with every attribute value escaped; pairs of name, value. */
    public Html open(String tag, String... attrs) {
        if (attrs.length % 2 != 0) throw new IllegalArgumentException("attributes come in name, value pairs");
        out.append('<').append(tag);
        for (int i = 0; i < attrs.length; i += 2) attr(attrs[i], attrs[i + 1]);
        out.append('>');
        return this;
    }

    /** Appends {@code  name="value"} (escaped) inside a tag opened with {@link #raw}. */
    public Html attr(String name, String value) {
        out.append(' ').append(name).append("=\"").append(escape(value)).append('"');
        return this;
    }

    public Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** {@code <tag attrs>text</tag>}. */
    public Html element(String tag, String text, String... attrs) {
        return open(tag, attrs).text(text).close(tag);
    }

    /** {@code <a href="href" attrs>text</a>}. */
    public Html link(String href, String text, String... attrs) {
        out.append("<a");
        attr("href", href);
        for (int i = 0; i + 1 < attrs.length; i += 2) attr(attrs[i], attrs[i + 1]);
        out.append('>').append(escape(text)).append("</a>");
        return this;
    }

    public int length() {
        return out.length();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}

package org.veritally.formats.nist;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Writes the XML encoding of NIST SP 1500-100 v2 (validated against {@code
 * NIST_V2_election_results_reporting.xsd}): UTF-8, the standard's namespace as the default one, an
 * element per list item named after the list, {@code xsi:type} when the item's type differs from
 * the element's (abstract GpUnit, Contest, ContestSelection), {@code ObjectId} attributes, and
 * IDREFS as space-separated lists. Element names are the standard's ASCII names, so only values are
 * escaped; a hand-written writer (rather than StAX) keeps a 1.3 GB report within the export budget.
 * A value holding a character XML 1.0 cannot carry (a control character other than tab, LF, CR) is
 * refused rather than altered. Not thread-safe.
 */
public final class NistXmlSink implements NistSink {
    public static final String NS = "http://itl.nist.gov/ns/voting/1500-100/v2";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private final Writer w;
    private final Deque<String> lists = new ArrayDeque<>();

    public NistXmlSink(OutputStream out) {
        this.w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    @Override
    public void startReport() {
        write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ElectionReport xmlns=\"" + NS + "\" xmlns:xsi=\"" + XSI
                + "\">");
    }

    @Override
    public void endReport() {
        write("</ElectionReport>\n");
    }

    @Override
    public void startList(String name) {
        lists.push(name);
    }

    @Override
    public void endList() {
        lists.pop();
    }

    @Override
    public void startObject(String type) {
        open(type);
        write(">");
    }

    @Override
    public void startObject(String type, String id) {
        open(type);
        write(" ObjectId=\"");
        escape(id, true);
        write("\">");
    }

    private void open(String type) {
        String element = lists.peek();
        if (element == null) throw new IllegalStateException("object " + type + " outside a list");
        write("<");
        write(element);
        if (!element.equals(type)) {
            write(" xsi:type=\"");
            write(type);
            write("\"");
        }
    }

    @Override
    public void endObject() {
        write("</");
        write(lists.peek());
        write(">");
    }

    @Override
    public void string(String name, String value) {
        write("<");
        write(name);
        write(">");
        escape(value, false);
        write("</");
        write(name);
        write(">");
    }

    @Override
    public void number(String name, long value) {
        write("<");
        write(name);
        write(">");
        write(Long.toString(value));
        write("</");
        write(name);
        write(">");
    }

    @Override
    public void refs(String name, List<String> ids) {
        if (!ids.isEmpty()) string(name, String.join(" ", ids));
    }

    @Override
    public void text(String name, String content, String language) {
        write("<");
        write(name);
        write("><Text Language=\"");
        escape(language, true);
        write("\">");
        escape(content, false);
        write("</Text></");
        write(name);
        write(">");
    }

    @Override
    public void close() {
        try {
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void escape(String s, boolean attribute) {
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> attribute ? "&quot;" : null;
                case '\t' -> attribute ? "&#9;" : null;
                case '\n' -> attribute ? "&#10;" : null;
                case '\r' -> "&#13;";
                default -> {
                    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
                        throw new IllegalArgumentException("value holds U+" + String.format("%04X", (int) c)
                                + ", which XML 1.0 cannot carry: '" + s + "'");
                    }
                    yield null;
                }
            };
            if (rep == null) continue;
            write(s, from, i);
            write(rep);
            from = i + 1;
        }
        write(s, from, s.length());
    }

    private void write(String s) {
        try {
            w.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String s, int from, int to) {
        if (to <= from) return;
        try {
            w.write(s, from, to - from);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

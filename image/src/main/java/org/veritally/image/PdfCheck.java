package org.veritally.image;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The only check of a PDF: its header {@code %PDF-1.n} or {@code %PDF-2.n} at offset 0 (ISO 32000-1 §7.5.2,
 * ISO 32000-2 §7.5.2) and, in its last 1024 bytes, {@code startxref} followed by the end-of-file marker
 * {@code %%EOF} (§7.5.5, with the 1024-byte leeway readers allow for trailing bytes). A truncated upload
 * loses its trailer. Nothing is parsed or rendered. Pure and thread-safe.
 */
final class PdfCheck {
    private static final Pattern HEADER = Pattern.compile("%PDF-[12]\\.\\d");
    private static final int TAIL = 1024;

    private PdfCheck() {}

    static void check(byte[] bytes) throws Refusal {
        String head = new String(bytes, 0, Math.min(8, bytes.length), StandardCharsets.ISO_8859_1);
        if (!HEADER.matcher(head).lookingAt()) {
            throw new Refusal(ImageRule.EV_DECODE, "the PDF header is not %PDF-1.n or %PDF-2.n");
        }
        int from = Math.max(0, bytes.length - TAIL);
        String tail = new String(bytes, from, bytes.length - from, StandardCharsets.ISO_8859_1);
        int xref = tail.lastIndexOf("startxref");
        if (xref < 0 || tail.indexOf("%%EOF", xref) < 0) {
            throw new Refusal(
                    ImageRule.EV_DECODE,
                    "the PDF has no trailer (startxref and %%EOF in its last 1024 bytes): truncated?");
        }
    }
}

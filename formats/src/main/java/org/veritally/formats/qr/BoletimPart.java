package org.veritally.formats.qr;

import java.util.List;
import java.util.Optional;

/**
 * One QR code of a boletim de urna, as printed: part {@code index} of {@code count}, the format version
 * ({@code VRQR}) and, from VRQR 1.5, the chapter version ({@code VRCH}), the content (the tokens between that
 * header and {@code HASH:}, verbatim, as hashed), the stated hash and, on the last part, the signature.
 * Syntax only: nothing here is verified. Immutable.
 *
 * @param index 1-based position of this part, {@code 1 <= index <= count}
 * @param hashHex the {@code HASH} token's value, 128 hexadecimal digits as printed
 * @param signatureHex the {@code ASSI} token's value, 128 hexadecimal digits, where present
 * @param where where the payload was read (file:line, photo name), for problems
 * @param payload the whole payload, stripped, which identifies an identical repeat
 */
public record BoletimPart(
        int index,
        int count,
        String version,
        Optional<String> chapterVersion,
        String content,
        String hashHex,
        Optional<String> signatureHex,
        String where,
        String payload) {
    public BoletimPart {
        if (index < 1 || index > count) throw new IllegalArgumentException("part " + index + " of " + count);
    }

    /** The content's tokens, split at single spaces. */
    public List<String> tokens() {
        return List.of(content.split(" ", -1));
    }

    public boolean isLast() {
        return index == count;
    }
}

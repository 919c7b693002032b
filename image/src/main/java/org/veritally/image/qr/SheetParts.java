package org.veritally.image.qr;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many codes a sheet carries, as far as its payloads say. A Brazilian boletim de urna numbers its codes
 * {@code QRBU:i:n} (part i of n, shared/README.md); any other payload is taken to be the sheet's only code.
 * The reader goes on past a successful attempt only while a payload announces parts not yet read.
 */
final class SheetParts {
    private static final Pattern BOLETIM = Pattern.compile("^QRBU:(\\d{1,2}):(\\d{1,2})(?:\\s|$)");

    private SheetParts() {}

    /** The number of codes the payloads announce: the largest {@code n} of their {@code QRBU:i:n}, else 1. */
    static int announced(Collection<String> payloads) {
        int n = 1;
        for (String p : payloads) {
            Matcher m = BOLETIM.matcher(p);
            if (m.find()) n = Math.max(n, Integer.parseInt(m.group(2)));
        }
        return n;
    }
}

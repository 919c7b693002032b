package org.veritally.formats.qr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One boletim de urna, its parts reassembled in order (part 1 first, every part present, their hashes linked; not
 * yet verified: see {@link BoletimVerifier}). Its content is the parts' contents joined by a space: the QR
 * printer splits at token boundaries. Immutable.
 */
public record Boletim(List<BoletimPart> parts) {
    /** The fields that identify a boletim's section and election, all in part 1 before the first office. */
    static final List<String> IDENTITY = List.of("PLEI", "TURN", "UNFE", "MUNI", "ZONA", "SECA");

    public Boletim {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) throw new IllegalArgumentException("a boletim has parts");
        for (int i = 0; i < parts.size(); i++)
            if (parts.get(i).index() != i + 1) throw new IllegalArgumentException("part " + (i + 1) + " out of order");
    }

    /** The whole content, every part's joined by a space. */
    public String content() {
        return parts.stream().map(BoletimPart::content).collect(Collectors.joining(" "));
    }

    /** Where its parts were read, joined by {@code " + "}. */
    public String where() {
        return parts.stream().map(BoletimPart::where).collect(Collectors.joining(" + "));
    }

    public BoletimPart last() {
        return parts.get(parts.size() - 1);
    }

    /**
     * The identity ({@link #IDENTITY} as {@code TAG:value} joined by spaces) of a boletim starting with
     * {@code first}, if part 1 holds all of it.
     */
    static Optional<String> identity(BoletimPart first) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String t : first.tokens()) {
            int c = t.indexOf(':');
            String tag = t.substring(0, Math.max(c, 0));
            if (tag.equals("IDEL") || tag.equals("CARG")) break;
            if (IDENTITY.contains(tag)) f.putIfAbsent(tag, t.substring(c + 1));
        }
        if (f.size() < IDENTITY.size()) return Optional.empty();
        return Optional.of(IDENTITY.stream().map(k -> k + ":" + f.get(k)).collect(Collectors.joining(" ")));
    }
}

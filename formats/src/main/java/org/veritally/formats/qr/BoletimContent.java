package org.veritally.formats.qr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.veritally.core.validation.Problem;

/**
 * A boletim's content read as fields and offices: the header fields ({@code UNFE}, {@code MUNI}, {@code ZONA},
 * {@code SECA}, {@code APTO}, {@code COMP}, {@code FALT}, …) up to the first {@code IDEL} or {@code CARG}, then
 * one {@link Office} per {@code CARG … TOTC} block, each under the last {@code IDEL} seen. Parsing reports every
 * problem as BU-SYNTAX; the arithmetic is {@link BoletimSums}'. Immutable.
 *
 * @param fields the header fields, in printed order
 */
public record BoletimContent(Map<String, String> fields, List<Office> offices) {
    /** Header fields the import needs, besides {@link Boletim#IDENTITY}. */
    static final List<String> COUNTS = List.of("APTO", "COMP", "FALT");

    public BoletimContent {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        offices = List.copyOf(offices);
    }

    /** The header field {@code tag}; present for {@link Boletim#IDENTITY} and {@link #COUNTS} once parsed. */
    public String field(String tag) {
        String v = fields.get(tag);
        if (v == null) throw new IllegalArgumentException("no field " + tag);
        return v;
    }

    /** A header count ({@link #COUNTS}). */
    public long count(String tag) {
        return Long.parseLong(field(tag));
    }

    /** The state (UNFE), upper case. */
    public String state() {
        return field("UNFE").toUpperCase(java.util.Locale.ROOT);
    }

    /** The content, or every problem found in it. */
    public record Parsed(Optional<BoletimContent> content, List<Problem> problems) {
        public Parsed {
            problems = List.copyOf(problems);
        }
    }

    /** Reads {@code boletim}'s content; problems are located at its parts' {@code where}. */
    public static Parsed parse(Boletim boletim) {
        return parse(boletim.content(), boletim.where());
    }

    static Parsed parse(String content, String where) {
        List<Problem> ps = new ArrayList<>(0);
        String[] t = content.split(" ", -1);
        Map<String, String> fields = new LinkedHashMap<>();
        List<Office> offices = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        Optional<String> idel = Optional.empty();
        int i = 0;
        while (i < t.length) {
            String tag = tag(t[i]);
            String value = t[i].substring(tag.length() + 1);
            if (tag.equals("IDEL")) {
                idel = Optional.of(value);
                i++;
            } else if (tag.equals("CARG")) {
                var reader = new OfficeReader(t, i, idel, where, ps);
                i = reader.read();
                reader.office().ifPresent(o -> {
                    if (!seen.add(o.office()))
                        ps.add(new Problem(BoletimRule.BU_SYNTAX, where, "office CARG:" + o.office() + " twice"));
                    offices.add(o);
                });
            } else if (offices.isEmpty() && !tag.chars().allMatch(Character::isDigit)) {
                if (fields.putIfAbsent(tag, value) != null)
                    ps.add(new Problem(BoletimRule.BU_SYNTAX, where, "header field " + tag + " twice"));
                i++;
            } else {
                ps.add(new Problem(BoletimRule.BU_SYNTAX, where, "'" + BoletimQr.cut(t[i]) + "' outside an office"));
                i++;
            }
        }
        for (String f : Boletim.IDENTITY) {
            String v = fields.get(f);
            if (v == null) ps.add(new Problem(BoletimRule.BU_SYNTAX, where, "no header field " + f));
            else if (f.equals("UNFE") ? !v.matches("[A-Za-z]{2}") : !v.matches("[0-9]{1,9}"))
                ps.add(new Problem(
                        BoletimRule.BU_SYNTAX,
                        where,
                        f + " is not " + (f.equals("UNFE") ? "a two-letter state" : "a number") + ": '"
                                + BoletimQr.cut(v) + "'"));
        }
        for (String f : COUNTS) {
            if (!fields.containsKey(f)) ps.add(new Problem(BoletimRule.BU_SYNTAX, where, "no header field " + f));
            else count(fields.get(f), where, f, ps);
        }
        if (offices.isEmpty() && ps.isEmpty()) ps.add(new Problem(BoletimRule.BU_SYNTAX, where, "no office (CARG)"));
        if (!ps.isEmpty()) return new Parsed(Optional.empty(), ps);
        return new Parsed(Optional.of(new BoletimContent(fields, offices)), ps);
    }

    static String tag(String token) {
        int c = token.indexOf(':');
        return c < 0 ? token : token.substring(0, c);
    }

    /** A count: 1 to 9 decimal digits; else a BU-SYNTAX problem and 0. */
    static long count(String value, String where, String what, List<Problem> ps) {
        if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            ps.add(new Problem(BoletimRule.BU_SYNTAX, where, what + " is not a count: '" + BoletimQr.cut(value) + "'"));
            return 0;
        }
        return Long.parseLong(value);
    }
}

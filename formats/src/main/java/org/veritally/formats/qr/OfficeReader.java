package org.veritally.formats.qr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritally.core.validation.Problem;

/**
 * Reads one {@code CARG:n [TIPO:t] [VERC:v] … TOTC:n} block of a boletim's tokens into an {@link Office}: candidate
 * {@code number:votes} tokens, optionally grouped under {@code PART:p … LEGP:n TOTP:n}, then {@code [APTA] NOMI
 * [LEGC] BRAN NULO TOTC}. Every problem is BU-SYNTAX. One use per block; not thread-safe.
 */
final class OfficeReader {
    private final String[] t;
    private final int start;
    private final Optional<String> idel;
    private final String where;
    private final List<Problem> ps;
    private final Map<String, Long> candidates = new LinkedHashMap<>();
    private final Map<String, Long> totals = new HashMap<>();
    private final List<Office.Party> parties = new ArrayList<>();
    private String party;
    private List<String> partyCandidates = new ArrayList<>();
    private Long legp;
    private Long totp;
    private Optional<Office> office = Optional.empty();

    OfficeReader(String[] tokens, int start, Optional<String> idel, String where, List<Problem> ps) {
        this.t = tokens;
        this.start = start;
        this.idel = idel;
        this.where = where;
        this.ps = ps;
    }

    /** Reads the block; returns the index of the token after it. */
    int read() {
        int before = ps.size();
        int carg = (int) BoletimContent.count(t[start].substring(5), where, "CARG", ps);
        String at = where + " CARG:" + carg;
        int i = start + 1;
        boolean closed = false;
        for (; i < t.length && !closed; i++) {
            String tag = BoletimContent.tag(t[i]);
            String value = t[i].substring(tag.length() + 1);
            if (tag.chars().allMatch(Character::isDigit)) {
                if (candidates.put(tag, BoletimContent.count(value, at, tag, ps)) != null)
                    ps.add(new Problem(BoletimRule.BU_SYNTAX, at, "candidate " + tag + " twice"));
                if (party != null) partyCandidates.add(tag);
                continue;
            }
            switch (tag) {
                case "TIPO", "VERC" -> {}
                case "PART" -> {
                    closeParty(at);
                    party = value;
                    BoletimContent.count(value, at, "PART", ps);
                }
                case "LEGP" -> legp = partyCount(value, at, tag);
                case "TOTP" -> totp = partyCount(value, at, tag);
                case "APTA", "NOMI", "LEGC", "BRAN", "NULO", "TOTC" -> {
                    if (totals.put(tag, BoletimContent.count(value, at, tag, ps)) != null)
                        ps.add(new Problem(BoletimRule.BU_SYNTAX, at, tag + " twice"));
                    closed = tag.equals("TOTC");
                }
                case "IDEL", "CARG" -> {
                    ps.add(new Problem(BoletimRule.BU_SYNTAX, at, "office not closed by TOTC before " + t[i]));
                    return i;
                }
                default -> ps.add(new Problem(BoletimRule.BU_SYNTAX, at, "unknown field in an office: " + tag));
            }
        }
        if (!closed) {
            ps.add(new Problem(BoletimRule.BU_SYNTAX, at, "office not closed by TOTC"));
            return i;
        }
        closeParty(at);
        for (String f : List.of("NOMI", "BRAN", "NULO"))
            if (!totals.containsKey(f)) ps.add(new Problem(BoletimRule.BU_SYNTAX, at, "no " + f));
        if (ps.size() == before)
            office = Optional.of(new Office(
                    idel,
                    carg,
                    candidates,
                    parties,
                    totals.get("NOMI"),
                    Optional.ofNullable(totals.get("LEGC")),
                    totals.get("BRAN"),
                    totals.get("NULO"),
                    totals.get("TOTC")));
        return i;
    }

    Optional<Office> office() {
        return office;
    }

    private Long partyCount(String value, String at, String tag) {
        if (party == null) ps.add(new Problem(BoletimRule.BU_SYNTAX, at, tag + " outside a PART"));
        return BoletimContent.count(value, at, tag, ps);
    }

    private void closeParty(String at) {
        if (party == null) return;
        if (legp == null || totp == null)
            ps.add(new Problem(BoletimRule.BU_SYNTAX, at + " PART:" + party, "no LEGP or TOTP"));
        else parties.add(new Office.Party(party, partyCandidates, legp, totp));
        party = null;
        partyCandidates = new ArrayList<>();
        legp = null;
        totp = null;
    }
}

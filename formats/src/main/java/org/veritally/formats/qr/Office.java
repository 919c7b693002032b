package org.veritally.formats.qr;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The counts of one office ({@code CARG}) on a boletim: the votes per candidate number in the order printed, for
 * proportional offices the parties ({@code PART}, their {@code LEGP} and {@code TOTP}), and the totals
 * {@code NOMI} (votes for candidates), {@code LEGC} (votes for a party only; proportional offices),
 * {@code BRAN} (blank), {@code NULO} (null) and {@code TOTC} (all votes for the office). Immutable.
 *
 * @param election the {@code IDEL} the office is printed under, where given
 * @param office the {@code CARG} code (1 president, 3 governor, 5 senator, 6 federal deputy, 7 state deputy,
 *     8 district deputy, 11 mayor, 13 councillor)
 * @param candidates votes per candidate number, in printed order
 * @param legc the {@code LEGC} count where printed, else empty
 */
public record Office(
        Optional<String> election,
        int office,
        Map<String, Long> candidates,
        List<Party> parties,
        long nomi,
        Optional<Long> legc,
        long bran,
        long nulo,
        long totc) {
    public Office {
        candidates = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(candidates));
        parties = List.copyOf(parties);
    }

    /**
     * A party block of a proportional office: its number, its candidates' numbers, its party-only votes
     * ({@code LEGP}) and its total ({@code TOTP}).
     */
    public record Party(String number, List<String> candidates, long legp, long totp) {
        public Party {
            candidates = List.copyOf(candidates);
        }
    }

    /** Valid votes: {@code NOMI + LEGC}. */
    public long valid() {
        return nomi + legc.orElse(0L);
    }
}

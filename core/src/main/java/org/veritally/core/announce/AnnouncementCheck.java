package org.veritally.core.announce;

import java.util.ArrayList;
import java.util.List;
import org.veritally.core.model.Announcement;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Denominator;

/**
 * Judges an announcement against the sheets in hand (docs/announcements.md). For each announced
 * figure A with in-hand total h:
 *
 * <ul>
 *   <li>{@code high = h + R}, R the registered voters not in hand (the larger of the denominator's
 *       — the election's declared universe, else the catalogue: docs/coverage.md — and the
 *       announcement's registered total, less those of the stations in hand): every one of them
 *       could have voted for it;
 *   <li>{@code low = h − (the E largest station values in hand)}, E the most stations the
 *       announcement may leave out by its own coverage claim ({@code N − ⌈p·N⌉}, N the authority's
 *       station count or the denominator's; no claim means a final result, E = 0): even if it left out
 *       exactly the stations in hand most favourable to the figure, it must count the rest;
 *   <li>{@code contradicted} when A lies outside [low, high], {@code consistent} inside, and
 *       {@code not-yet-checkable} when no sheet of the view is in hand.
 * </ul>
 *
 * Pure and stateless.
 */
public final class AnnouncementCheck {
    private AnnouncementCheck() {}

    /** The verdicts on one announcement in one view. */
    public record Result(
            String announcement,
            String view,
            long stationsTotal,
            int stationsInHand,
            long registeredTotal,
            long registeredInHand,
            long excludedAtMost,
            List<Figure> figures,
            String denominator) {
        public boolean contradicted() {
            return figures.stream().anyMatch(f -> f.status() == Figure.Status.CONTRADICTED);
        }
    }

    /** {@link #check(Announcement, Contest, InHand, Denominator)} over the catalogue's totals. */
    public static Result check(Announcement a, Contest c, InHand h, long catalogueStations, long catalogueRegistered) {
        return check(a, c, h, new Denominator(Denominator.Basis.CATALOGUE, catalogueStations, catalogueRegistered));
    }

    /** The verdicts, with {@code d} the whole election's denominator (the root unit's). */
    public static Result check(Announcement a, Contest c, InHand h, Denominator d) {
        long n = Math.max(d.stations(), a.stationsTotal().orElse(0));
        long excluded = a.coverageFraction(n)
                .map(p -> n - (long) Math.ceil(p * n - 1e-9))
                .orElse(0L);
        if (a.coverageStations().isPresent())
            excluded = Math.max(0, n - a.coverageStations().getAsLong());
        long registeredTotal = Math.max(d.registered(), a.registered().orElse(0));
        long remaining = Math.max(0, registeredTotal - h.registered());
        List<Figure> out = new ArrayList<>();
        int k = c.candidates().size();
        long listed = 0;
        long[] othersPerStation = new long[h.stations()];
        for (int i = 0; i < k; i++) {
            var cand = c.candidates().get(i);
            Long announced = a.candidates().get(cand.id());
            if (announced == null) {
                for (int s = 0; s < h.stations(); s++) othersPerStation[s] += h.perStation()[i][s];
                continue;
            }
            listed++;
            out.add(figure(cand.id(), cand.name(), announced, h, i, excluded, remaining));
        }
        if (a.others().isPresent() && listed < k) {
            var others = new InHand(h.view(), h.stations(), h.registered(), new long[][] {othersPerStation});
            out.add(figure("others", "other candidates", a.others().getAsLong(), others, 0, excluded, remaining));
        }
        addSummary(out, "valid", "valid votes", a.valid().orElse(-1), h, k, excluded, remaining);
        addSummary(out, "null", "null votes", a.nulls().orElse(-1), h, k + 1, excluded, remaining);
        addSummary(out, "ballots", "ballots cast", a.ballots().orElse(-1), h, k + 2, excluded, remaining);
        return new Result(
                a.id(),
                h.view(),
                n,
                h.stations(),
                registeredTotal,
                h.registered(),
                excluded,
                List.copyOf(out),
                d.basis().wire());
    }

    private static void addSummary(
            List<Figure> out,
            String field,
            String name,
            long announced,
            InHand h,
            int i,
            long excluded,
            long remaining) {
        if (announced >= 0) out.add(figure(field, name, announced, h, i, excluded, remaining));
    }

    static Figure figure(String field, String name, long announced, InHand h, int i, long excluded, long remaining) {
        long inHand = h.total(i);
        if (h.stations() == 0) {
            return new Figure(
                    field,
                    name,
                    announced,
                    0,
                    0,
                    remaining,
                    Figure.Status.NOT_YET_CHECKABLE,
                    "no sheet of this view is in hand yet");
        }
        long low = Math.max(0, inHand - h.largest(i, excluded));
        long high = inHand + remaining;
        String view = h.view();
        if (announced < low) {
            return new Figure(
                    field,
                    name,
                    announced,
                    inHand,
                    low,
                    high,
                    Figure.Status.CONTRADICTED,
                    String.format(
                            "The sheets in hand (%s, %,d stations) give %s %,d; even leaving out the "
                                    + "%,d stations the announcement may not cover, those most"
                                    + " favourable to it, at least %,d remain: more than the %,d announced.",
                            view, h.stations(), name, inHand, excluded, low, announced));
        }
        if (announced > high) {
            return new Figure(
                    field,
                    name,
                    announced,
                    inHand,
                    low,
                    high,
                    Figure.Status.CONTRADICTED,
                    String.format(
                            "The sheets in hand (%s) give %s %,d; adding every one of the %,d "
                                    + "registered voters not in hand allows at most %,d: fewer than the %,d announced.",
                            view, name, inHand, remaining, high, announced));
        }
        return new Figure(
                field,
                name,
                announced,
                inHand,
                low,
                high,
                Figure.Status.CONSISTENT,
                String.format(
                        "%,d lies within [%,d, %,d], what the sheets in hand (%s) still allow.",
                        announced, low, high, view));
    }
}

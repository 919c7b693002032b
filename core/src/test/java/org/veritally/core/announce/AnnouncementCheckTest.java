package org.veritally.core.announce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.veritally.core.announce.Figure.Status;
import org.veritally.core.model.Announcement;
import org.veritally.core.model.Candidate;
import org.veritally.core.model.Choice;
import org.veritally.core.model.Contest;

/**
 * An announcement against the sheets in hand. Three stations in hand, registered 300 of the
 * catalogue's 600 in 5 stations; per station (fields A, B, valid, null, ballots):
 * A 30/50/20 = 100, B 10/20/40 = 70, valid 40/70/60 = 170, null 2/3/1 = 6, ballots 42/73/61 = 176.
 */
class AnnouncementCheckTest {
    static final Contest P = new Contest(
            "P",
            "President",
            List.of(new Choice("a", "A", "A"), new Choice("b", "B", "B")),
            List.of(new Candidate("A", "Ann"), new Candidate("B", "Bob")));
    static final InHand H = new InHand(
            "official", 3, 300, new long[][] {{30, 50, 20}, {10, 20, 40}, {40, 70, 60}, {2, 3, 1}, {42, 73, 61}});
    static final OptionalLong NONE = OptionalLong.empty();

    static Announcement announcement(
            OptionalLong coveragePct100,
            OptionalLong coverageStations,
            OptionalLong stationsTotal,
            OptionalLong registered,
            Map<String, Long> candidates,
            OptionalLong others,
            OptionalLong valid) {
        return new Announcement(
                "an-1",
                "First bulletin",
                "2024-07-29T00:10:00-04:00",
                "P",
                coveragePct100,
                coverageStations,
                stationsTotal,
                registered,
                NONE,
                NONE,
                valid,
                NONE,
                candidates,
                others);
    }

    static Announcement finalResult(Map<String, Long> candidates) {
        return announcement(NONE, NONE, NONE, NONE, candidates, NONE, NONE);
    }

    static Figure figure(AnnouncementCheck.Result r, String field) {
        return r.figures().stream()
                .filter(f -> f.field().equals(field))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void inHandSumsAndTakesTheLargestStations() {
        assertThat(H.total(0)).isEqualTo(100);
        assertThat(H.total(4)).isEqualTo(176);
        assertThat(H.largest(0, 1)).isEqualTo(50);
        assertThat(H.largest(0, 2)).isEqualTo(80); // 50 + 30
        assertThat(H.largest(1, 0)).isZero();
        assertThat(H.largest(1, 3)).isEqualTo(70);
        assertThat(H.largest(1, 99)).isEqualTo(70);
    }

    /**
     * No coverage claim: a final result, nothing may be left out; low = in hand, high = in hand + the 300 registered
     * not in hand.
     */
    @Test
    void aFinalResultMustLieBetweenTheSheetsInHandAndEveryVoterNotInHand() {
        var r = AnnouncementCheck.check(finalResult(Map.of("A", 100L, "B", 370L)), P, H, 5, 600);
        assertThat(r.excludedAtMost()).isZero();
        assertThat(r.stationsTotal()).isEqualTo(5);
        assertThat(r.registeredTotal()).isEqualTo(600);
        assertThat(figure(r, "A"))
                .extracting(Figure::inHand, Figure::low, Figure::high, Figure::status)
                .containsExactly(100L, 100L, 400L, Status.CONSISTENT);
        assertThat(figure(r, "B"))
                .extracting(Figure::low, Figure::high, Figure::status)
                .containsExactly(70L, 370L, Status.CONSISTENT);
        assertThat(r.contradicted()).isFalse();

        var below = AnnouncementCheck.check(finalResult(Map.of("A", 99L)), P, H, 5, 600);
        assertThat(figure(below, "A").status()).isEqualTo(Status.CONTRADICTED);
        assertThat(figure(below, "A").explanation()).contains("more than the 99 announced");
        assertThat(below.contradicted()).isTrue();
        var above = AnnouncementCheck.check(finalResult(Map.of("B", 371L)), P, H, 5, 600);
        assertThat(figure(above, "B").status()).isEqualTo(Status.CONTRADICTED);
        assertThat(figure(above, "B").explanation()).contains("fewer than the 371 announced");
    }

    /**
     * 60% of 5 stations: it must cover ⌈3⌉ = 3, so it may leave out 2, the two stations best for A (50 + 30): low = 100
     * − 80 = 20.
     */
    @Test
    void aCoverageShareLetsTheLargestStationsBeLeftOut() {
        var r = AnnouncementCheck.check(
                announcement(OptionalLong.of(6_000), NONE, NONE, NONE, Map.of("A", 20L), NONE, NONE), P, H, 5, 600);
        assertThat(r.excludedAtMost()).isEqualTo(2);
        assertThat(figure(r, "A")).extracting(Figure::low, Figure::status).containsExactly(20L, Status.CONSISTENT);
        var r19 = AnnouncementCheck.check(
                announcement(OptionalLong.of(6_000), NONE, NONE, NONE, Map.of("A", 19L), NONE, NONE), P, H, 5, 600);
        assertThat(figure(r19, "A").status()).isEqualTo(Status.CONTRADICTED);
    }

    /** 4 of 5 stations covered: at most 1 left out, the best for A (50): low = 50. */
    @Test
    void aCoverageInStationsLeavesOutTheRest() {
        var r = AnnouncementCheck.check(
                announcement(NONE, OptionalLong.of(4), NONE, NONE, Map.of("A", 50L), NONE, NONE), P, H, 5, 600);
        assertThat(r.excludedAtMost()).isEqualTo(1);
        assertThat(figure(r, "A")).extracting(Figure::low, Figure::status).containsExactly(50L, Status.CONSISTENT);
    }

    /**
     * The larger station count and registered total win: 10 stations at 60% may leave out 4 (low 0); 1000 registered
     * leave 700 not in hand.
     */
    @Test
    void theAnnouncementsOwnLargerTotalsAreUsed() {
        var r = AnnouncementCheck.check(
                announcement(
                        OptionalLong.of(6_000),
                        NONE,
                        OptionalLong.of(10),
                        OptionalLong.of(1_000),
                        Map.of("A", 0L),
                        NONE,
                        NONE),
                P,
                H,
                5,
                600);
        assertThat(r.stationsTotal()).isEqualTo(10);
        assertThat(r.excludedAtMost()).isEqualTo(4);
        assertThat(r.registeredTotal()).isEqualTo(1_000);
        assertThat(figure(r, "A"))
                .extracting(Figure::low, Figure::high, Figure::status)
                .containsExactly(0L, 800L, Status.CONSISTENT);
    }

    /**
     * Only A listed: "others" is judged against B's sheets (70); valid against 170; unannounced figures are not judged.
     */
    @Test
    void othersAndSummaryFigures() {
        var r = AnnouncementCheck.check(
                announcement(NONE, NONE, NONE, NONE, Map.of("A", 100L), OptionalLong.of(75), OptionalLong.of(170)),
                P,
                H,
                5,
                600);
        assertThat(r.figures()).extracting(Figure::field).containsExactly("A", "others", "valid");
        assertThat(figure(r, "others"))
                .extracting(Figure::inHand, Figure::low, Figure::high, Figure::status)
                .containsExactly(70L, 70L, 370L, Status.CONSISTENT);
        assertThat(figure(r, "valid"))
                .extracting(Figure::inHand, Figure::status)
                .containsExactly(170L, Status.CONSISTENT);
    }

    @Test
    void nothingInHandIsNotYetCheckable() {
        var empty = new InHand("consensus", 0, 0, new long[5][0]);
        var r = AnnouncementCheck.check(finalResult(Map.of("A", 1_000_000L)), P, empty, 5, 600);
        assertThat(figure(r, "A"))
                .extracting(Figure::status, Figure::high)
                .containsExactly(Status.NOT_YET_CHECKABLE, 600L);
        assertThat(r.contradicted()).isFalse();
        assertThat(Status.NOT_YET_CHECKABLE.wire()).isEqualTo("not-yet-checkable");
    }
}

package org.veritally.server.transcribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.veritally.core.model.Candidate;
import org.veritally.core.model.Choice;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.server.state.ElectionState;

/** Quotas per account (SRV-RATE), a token bucket on the injected clock. */
class CampaignQuotaTest {
    @Test
    void srvRateAnAccountOverItsTasksPerHourWaitsForTheBucketToRefill() {
        var contest = new Contest(
                "C1",
                "C",
                java.util.List.of(new Choice("A", "A", "K1"), new Choice("B", "B", "K2")),
                java.util.List.of(new Candidate("K1", "K1"), new Candidate("K2", "K2")));
        ElectionState state = new ElectionState();
        state.define(new Election("e", "E", "R", java.util.List.of("country"), java.util.List.of(contest), 0));
        MutableClock clock = new MutableClock();
        var campaign = new TranscriptionCampaign(
                state,
                new CampaignConfig(Duration.ofSeconds(1), 2, 0, 5, 60),
                clock,
                (e, a, l) -> {
                    throw new AssertionError("nothing is written");
                },
                Map.of());
        for (int i = 0; i < 5; i++) campaign.add(WorkQueueTest.photo(i), "C1", "uploader");
        assertThat(campaign.next("vol-a").task()).isPresent();
        clock.advance(Duration.ofSeconds(2)); // the lease is over: a new task, the second of the hour
        assertThat(campaign.next("vol-a").task()).isPresent();
        clock.advance(Duration.ofSeconds(2));
        var third = campaign.next("vol-a");
        assertThat(third.task()).isEmpty();
        assertThat(third.problems()).extracting(p -> p.rule().id()).containsExactly("SRV-RATE");
        clock.advance(Duration.ofMinutes(31)); // half an hour refills one token of two per hour
        assertThat(campaign.next("vol-a").task()).isPresent();
    }
}

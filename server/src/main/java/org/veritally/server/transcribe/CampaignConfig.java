package org.veritally.server.transcribe;

import java.time.Duration;

/**
 * How a campaign hands out work (docs/transcription.md#configuration): how long a task is leased,
 * how many tasks an account may take per hour, one gold task in {@code goldEvery} (0: none), how many
 * gold tasks an account does before it is judged, and the agreement with gold figures, in percent,
 * under which it is paused. Immutable.
 */
public record CampaignConfig(Duration lease, int tasksPerHour, int goldEvery, int goldMinimum, int pauseBelowPercent) {
    public static final CampaignConfig DEFAULT = new CampaignConfig(Duration.ofMinutes(10), 600, 20, 5, 60);

    public CampaignConfig {
        if (lease.isNegative() || lease.isZero()) throw new IllegalArgumentException("a lease lasts some time");
        if (tasksPerHour < 1) throw new IllegalArgumentException("tasksPerHour ≥ 1");
        if (goldEvery < 0 || goldMinimum < 1) throw new IllegalArgumentException("goldEvery ≥ 0, goldMinimum ≥ 1");
        if (pauseBelowPercent < 0 || pauseBelowPercent > 100)
            throw new IllegalArgumentException("pauseBelowPercent is 0 to 100");
    }
}

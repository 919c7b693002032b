package org.veritally.server.ops;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Veritally's Prometheus metrics (docs/operations.md lists them): HTTP requests and their latency by
 * method, route template and status; submissions accepted, idempotent and rejected by rule ID; and,
 * sampled at scrape time, the log's tree size, the latest checkpoint's size and age, the submissions
 * waiting for the sequencer and how long the oldest has waited, whether the database answered, and the
 * integrity check's alarm and duration.
 * Written by hand in the text exposition format; no metrics library. Thread-safe.
 */
public final class ServerMetrics {
    static final double[] LATENCY_BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    private final LabelledCounter requests = new LabelledCounter(
            "veritally_http_requests_total",
            "HTTP requests answered, by method, route template and status.",
            "method",
            "route",
            "status");
    private final Histogram latency = new Histogram(
            "veritally_http_request_duration_seconds",
            "Time from receiving a request to its answer, by method, route template and status.",
            LATENCY_BUCKETS,
            "method",
            "route",
            "status");
    private final LabelledCounter accepted = new LabelledCounter(
            "veritally_submissions_accepted_total",
            "Submissions that added an entry to the log (HTTP 201), by route.",
            "route");
    private final LabelledCounter idempotent = new LabelledCounter(
            "veritally_submissions_idempotent_total",
            "Submissions identical to an entry already in the log (HTTP 200; nothing written), by route.",
            "route");
    private final LabelledCounter rejections = new LabelledCounter(
            "veritally_rejections_total",
            "Rejected writes by route and rule ID; a submission that breaks several rules counts once under each.",
            "route",
            "rule");

    /**
     * The values sampled at scrape time.
     *
     * @param storeUp whether the database answered the scrape's queries
     * @param sequencer whether this process holds the sequencer's lock (always, on SQLite)
     * @param treeSize entries in the log (the in-memory state's view)
     * @param checkpointSize tree size of the latest signed checkpoint, if any
     * @param checkpointAgeSeconds seconds since the latest checkpoint was signed, if any
     * @param pending submissions received and not yet answered (waiting for validation and the sequencer)
     * @param oldestPendingSeconds how long the oldest of them has waited (0 when none)
     * @param integrityFailure the rule ID of the integrity check that failed, if one did
     * @param integrityCheckSeconds how long the latest passing integrity check took, if one passed
     */
    public record Sample(
            boolean storeUp,
            boolean sequencer,
            long treeSize,
            OptionalLong checkpointSize,
            OptionalDouble checkpointAgeSeconds,
            int pending,
            double oldestPendingSeconds,
            java.util.Optional<String> integrityFailure,
            OptionalDouble integrityCheckSeconds) {}

    /** Records one answered request. */
    public void request(String method, String route, int status, double seconds) {
        String s = Integer.toString(status);
        requests.inc(method, route, s);
        latency.observe(seconds, method, route, s);
    }

    public void accepted(String route) {
        accepted.inc(route);
    }

    public void idempotent(String route) {
        idempotent.inc(route);
    }

    public void rejected(String route, String rule) {
        rejections.inc(route, rule);
    }

    /** The whole exposition. */
    public String render(Sample s) {
        var out = new Exposition();
        requests.write(out);
        latency.write(out);
        accepted.write(out);
        idempotent.write(out);
        rejections.write(out);
        gauge(out, "veritally_store_up", "1 when the database answered this scrape, else 0.", s.storeUp() ? 1 : 0);
        gauge(
                out,
                "veritally_sequencer",
                "1 when this instance runs the sequencer (holds its lock), else 0.",
                s.sequencer() ? 1 : 0);
        gauge(out, "veritally_log_tree_size", "Entries in the log.", s.treeSize());
        if (s.checkpointSize().isPresent()) {
            gauge(
                    out,
                    "veritally_checkpoint_tree_size",
                    "Tree size of the latest signed checkpoint.",
                    s.checkpointSize().getAsLong());
        }
        if (s.checkpointAgeSeconds().isPresent()) {
            gauge(
                    out,
                    "veritally_checkpoint_age_seconds",
                    "Seconds since the latest checkpoint was signed.",
                    s.checkpointAgeSeconds().getAsDouble());
        }
        gauge(
                out,
                "veritally_sequencer_pending_submissions",
                "Sheet submissions received and not yet answered (the sequencer's lag in requests).",
                s.pending());
        gauge(
                out,
                "veritally_sequencer_oldest_pending_seconds",
                "How long the oldest pending sheet submission has waited.",
                s.oldestPendingSeconds());
        out.family(
                        "veritally_integrity_alarm",
                        "gauge",
                        "1 when an integrity check failed (label: its rule ID): not ready, writes refused until "
                                + "repaired.")
                .sample(
                        "veritally_integrity_alarm",
                        List.of("rule", s.integrityFailure().orElse("none")),
                        s.integrityFailure().isPresent() ? 1 : 0);
        if (s.integrityCheckSeconds().isPresent()) {
            gauge(
                    out,
                    "veritally_integrity_check_seconds",
                    "How long the latest passing integrity check of the log and projections took.",
                    s.integrityCheckSeconds().getAsDouble());
        }
        return out.text();
    }

    private static void gauge(Exposition out, String name, String help, double v) {
        out.family(name, "gauge", help).sample(name, List.of(), v);
    }
}

package org.veritally.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /metrics is valid text exposition and counts submissions, rejections by rule, requests and latency. */
class MetricsTest {
    @TempDir
    Path dir;

    static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\"");
    static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(" + LABEL + "(," + LABEL
            + ")*)?\\})? (-?[0-9.]+(?:[eE][-+]?[0-9]+)?|NaN|[+-]Inf)");
    static final Pattern COMMENT = Pattern.compile("# (HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*|TYPE [a-zA-Z_:][a-zA-Z0-9_:]* "
            + "(counter|gauge|histogram|summary|untyped))");

    /** Parses an exposition: every line a comment or a sample; returns the samples by their series text. */
    static Map<String, Double> parse(String text) {
        Map<String, Double> out = new HashMap<>();
        assertThat(text).endsWith("\n");
        for (String line : text.split("\n")) {
            if (line.startsWith("#")) {
                assertThat(COMMENT.matcher(line).matches())
                        .as("comment line: " + line)
                        .isTrue();
                continue;
            }
            var m = SAMPLE.matcher(line);
            assertThat(m.matches()).as("sample line: " + line).isTrue();
            int sp = line.lastIndexOf(' ');
            assertThat(out.put(
                            line.substring(0, sp),
                            Double.valueOf(line.substring(sp + 1).replace("+Inf", "Infinity"))))
                    .as("duplicate series " + line)
                    .isNull();
        }
        return out;
    }

    @Test
    void metricsParseAndCountASubmissionAndARejectionByRule() throws Exception {
        try (var s = OpsServer.start(dir, OpsConfig.defaults())) {
            assertThat(s.postSheet(OpsServer.SHEET).statusCode()).isEqualTo(201);
            assertThat(s.postSheet(OpsServer.SHEET).statusCode()).isEqualTo(200);
            assertThat(s.postSheet(OpsServer.SHEET
                                    .replace("\"C1-L3\":5", "\"C1-L3\":6")
                                    .replace("P3", "P4"))
                            .statusCode())
                    .isEqualTo(422);
            assertThat(s.postSheet("{\"station\":\"P5\",\"extra\":1.5}").statusCode())
                    .isEqualTo(422);
            assertThat(s.get("/api/stations/P3").statusCode()).isEqualTo(200);
            assertThat(s.get("/no/such/thing/at/all").statusCode()).isEqualTo(404);
            var r = s.get("/metrics");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain; version=0.0.4"));
            var m = parse(r.body());
            assertThat(m)
                    .containsEntry("veritally_submissions_accepted_total{route=\"/api/sheets\"}", 1.0)
                    .containsEntry("veritally_submissions_idempotent_total{route=\"/api/sheets\"}", 1.0)
                    .containsEntry("veritally_rejections_total{route=\"/api/sheets\",rule=\"TS-SUM\"}", 1.0)
                    .containsEntry("veritally_rejections_total{route=\"/api/sheets\",rule=\"IN-FIELD\"}", 1.0)
                    .containsEntry(
                            "veritally_http_requests_total{method=\"POST\",route=\"/api/sheets\",status=\"422\"}", 2.0)
                    .containsEntry(
                            "veritally_http_requests_total{method=\"GET\",route=\"/api/stations/{id}\",status=\"200\"}",
                            1.0)
                    .containsEntry(
                            "veritally_http_requests_total{method=\"GET\",route=\"unmatched\",status=\"404\"}", 1.0)
                    .containsEntry(
                            "veritally_http_request_duration_seconds_count{method=\"POST\",route="
                                    + "\"/api/sheets\",status=\"201\"}",
                            1.0)
                    .containsEntry(
                            "veritally_http_request_duration_seconds_bucket{method=\"POST\",route="
                                    + "\"/api/sheets\",status=\"201\",le=\"+Inf\"}",
                            1.0)
                    .containsEntry(
                            "veritally_log_tree_size", (double) s.in.state().logSize())
                    .containsEntry("veritally_checkpoint_tree_size", (double)
                            s.in.state().logSize())
                    .containsEntry("veritally_sequencer_pending_submissions", 0.0)
                    .containsEntry("veritally_store_up", 1.0)
                    .containsEntry("veritally_sequencer", 1.0)
                    .containsKey("veritally_checkpoint_age_seconds");
            assertThat(m.keySet()).as("raw paths never become labels").noneMatch(k -> k.contains("/no/such"));
            double prev = 0;
            for (String le : new String[] {"0.001", "0.01", "0.1", "1", "10", "+Inf"}) {
                double v = m.get("veritally_http_request_duration_seconds_bucket{method=\"POST\",route="
                        + "\"/api/sheets\",status=\"422\",le=\""
                        + le + "\"}");
                assertThat(v).as("buckets are cumulative").isGreaterThanOrEqualTo(prev);
                prev = v;
            }
            assertThat(prev).isEqualTo(2.0);
        }
    }

    @Test
    void expositionEscapesLabelValuesAndHelp() {
        var out = new Exposition()
                .family("x_total", "counter", "a \\ b\nc")
                .sample("x_total", java.util.List.of("l", "q\"\\\nz"), 3);
        assertThat(out.text())
                .isEqualTo("# HELP x_total a \\\\ b\\nc\n# TYPE x_total counter\nx_total{l=\"q\\\"\\\\\\nz\"} 3\n");
        parse(out.text());
        assertThat(Exposition.number(0.0025)).isEqualTo("0.0025");
        assertThat(Exposition.number(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    }
}

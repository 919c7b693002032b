package org.veritally.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.server.log.LogView;
import org.veritally.store.ProjectionDump;
import org.veritally.store.StoreHashReader;
import org.veritally.translog.MerkleRoot;
import org.veritally.translog.Parsed;
import org.veritally.translog.SignedCheckpoint;

/**
 * STORE-FULL over real HTTP on loopback, on a real SQLite file that SQLite refuses to grow past
 * {@code max_page_count} (its real {@code SQLITE_FULL} path; bench/disk-full.sh fills a real file
 * system). The refusal is a 507 problem, the server carries on, and nothing acknowledged is lost.
 */
class StoreFullTest {
    @TempDir
    Path dir;

    static String sheet(int station) {
        return OpsServer.SHEET.replace("\"P3\"", "\"P" + station + "\"");
    }

    /** An acknowledgement: the index and leaf hash a 201 answered. */
    record Ack(long index, String leafHash) {
        static Ack of(HttpResponse<String> r) {
            String b = r.body();
            return new Ack(
                    Long.parseLong(b.replaceAll("(?s).*\"index\":(\\d+).*", "$1")),
                    b.replaceAll("(?s).*\"leafHash\":\"([0-9a-f]+)\".*", "$1"));
        }
    }

    @Test
    void storeFullAPostThatMeetsAFullDiskIs507UntilThereIsRoomAndNothingAcknowledgedIsLost() throws Exception {
        try (OpsServer s = OpsServer.start(dir, OpsConfig.defaults())) {
            var in = s.in;
            List<Ack> acks = new ArrayList<>();
            var first = s.postSheet(sheet(0));
            assertThat(first.statusCode()).isEqualTo(201);
            acks.add(Ack.of(first));
            long pages =
                    in.store().capPages(1); // full as it stands: what still fits in its pages is accepted, then nothing
            int refused = -1;
            HttpResponse<String> r = null;
            for (int station = 1; station < 50 && refused < 0; station++) {
                r = s.postSheet(sheet(station));
                if (r.statusCode() == 201) acks.add(Ack.of(r));
                else refused = station;
            }
            assertThat(refused).as("the capped database filled up").isPositive();
            assertThat(r.statusCode()).isEqualTo(507);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(r.headers().firstValue("Retry-After")).hasValue("30");
            assertThat(r.body())
                    .contains("\"rule\":\"STORE-FULL\"", "nothing of this request was recorded")
                    .doesNotContain("Exception", "SQLITE", dir.toString());

            long size = in.store().logSize();
            List<String> projections = ProjectionDump.of(in.store());
            assertThat(in.state().logSize())
                    .as("the in-memory log did not move either")
                    .isEqualTo(size);
            assertThat(s.postSheet(sheet(refused)).statusCode())
                    .as("still full")
                    .isEqualTo(507);
            var ready = s.get("/readyz");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("\"database\":\"STORE-FULL: a write was refused for want of space");
            assertThat(s.get("/api/results").statusCode()).as("reads go on").isEqualTo(200);
            assertThat(s.get("/metrics").body()).contains("rule=\"STORE-FULL\"");
            assertThat(in.store().logSize()).isEqualTo(size);
            assertThat(ProjectionDump.of(in.store())).isEqualTo(projections);

            in.store().capPages(pages + 10_000); // space freed: the same request now succeeds, at the next index
            var retried = s.postSheet(sheet(refused));
            assertThat(retried.statusCode()).isEqualTo(201);
            assertThat(Ack.of(retried).index()).isEqualTo(size);
            acks.add(Ack.of(retried));
            assertThat(s.get("/readyz").statusCode()).isEqualTo(200);

            for (Ack a : acks) {
                assertThat(HexFormat.of()
                                .formatHex(
                                        in.store().readLog(a.index(), 1).get(0).leafHash()))
                        .as("entry %d", a.index())
                        .isEqualTo(a.leafHash());
            }
            var cp = SignedCheckpoint.open(
                    new LogView(in.store()).latest().orElseThrow().note(),
                    in.keys().origin(),
                    in.keys().verifierKey());
            assertThat(cp).isInstanceOf(Parsed.Ok.class);
            var checkpoint = ((Parsed.Ok<SignedCheckpoint>) cp).value().checkpoint();
            assertThat(checkpoint.size()).isEqualTo(in.store().logSize());
            assertThat(checkpoint.rootHash())
                    .isEqualTo(MerkleRoot.of(checkpoint.size(), new StoreHashReader(in.store())));
            s.api.close();
            List<String> live = ProjectionDump.of(in.store());
            in.rebuild();
            assertThat(ProjectionDump.of(in.store())).as("REBUILD-EQ").isEqualTo(live);
        }
    }
}

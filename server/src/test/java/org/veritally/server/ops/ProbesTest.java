package org.veritally.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.server.Instance;

/** /healthz and /readyz: ready after the election is loaded; not ready without one, or without the database file. */
class ProbesTest {
    @TempDir
    Path dir;

    @Test
    void healthAndReadyAfterLoad() throws Exception {
        try (var s = OpsServer.start(dir, OpsConfig.defaults())) {
            var h = s.get("/healthz");
            assertThat(h.statusCode()).isEqualTo(200);
            assertThat(h.body()).isEqualTo("{\"status\":\"up\"}");
            assertThat(h.headers().firstValue("Cache-Control")).hasValue("no-store");
            var r = s.get("/readyz");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body())
                    .as("how the state was loaded is said, and is no reason to be unready")
                    .isEqualTo("{\"status\":\"ready\",\"database\":\"ok\",\"election\":\"ok\",\"start-up\":"
                            + "\"loaded from the projections: there is no snapshot of the state yet\"}");
        }
    }

    @Test
    void notReadyWithoutAnElection() throws Exception {
        try (var s = OpsServer.empty(dir, OpsConfig.defaults())) {
            assertThat(s.get("/healthz").statusCode())
                    .as("the process is up all the same")
                    .isEqualTo(200);
            var r = s.get("/readyz");
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(r.body())
                    .contains(
                            "\"status\":\"not ready\"",
                            "\"database\":\"ok\"",
                            "\"election\":\"no election is defined yet\"");
        }
    }

    @Test
    void notReadyWhenTheDatabaseFileIsGone() throws Exception {
        try (var s = OpsServer.start(dir, OpsConfig.defaults())) {
            assertThat(s.get("/readyz").statusCode()).isEqualTo(200);
            Files.delete(dir.resolve(Instance.DB_FILE));
            var r = s.get("/readyz");
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).contains("\"database\":\"the database file is missing or unreadable\"");
            assertThat(s.get("/healthz").statusCode()).isEqualTo(200);
        }
    }
}

package org.veritally.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;
import org.veritally.server.http.ApiServer;
import org.veritally.server.http.WriteToken;
import org.veritally.server.read.UsageProblem;

/**
 * Finding 8 of issue 16: an account's role is bound to its source's kind (AUTH-KIND) and the ids the
 * log gives the bootstrap token and the command line are not account ids (AUTH-RESERVED).
 */
class AccountBindingTest {
    @TempDir
    Path dir;

    Instance in;

    @BeforeEach
    void start() {
        // sources: authority (authority), party-a (witness), observer-1 (observer)
        in = Fixtures.defined(dir, new SyntheticElection(20, 1, 3, 3, 8).definition());
    }

    @AfterEach
    void stop() {
        in.close();
    }

    static org.assertj.core.api.AbstractThrowableAssert<?, ?> refusedWith(Runnable r, AuthRule rule) {
        return assertThatThrownBy(r::run)
                .isInstanceOf(UsageProblem.class)
                .satisfies(e -> assertThat(((UsageProblem) e).rule()).isEqualTo(rule));
    }

    @Test
    void authKindForAWitnessBoundToTheAuthoritySource() {
        refusedWith(() -> in.accounts().create("w", Role.WITNESS, "authority", Optional.empty()), AuthRule.AUTH_KIND)
                .hasMessageContaining("authority");
        assertThat(in.accounts().find("w")).isEmpty();
    }

    @Test
    void authKindForEveryRoleBoundToASourceOfAnotherKind() {
        String[][] wrong = {
            {"WITNESS", "observer-1"},
            {"OBSERVER", "party-a"},
            {"OBSERVER", "authority"},
            {"AUTHORITY", "party-a"},
            {"AUTHORITY", "observer-1"}
        };
        for (String[] w : wrong) {
            refusedWith(
                    () -> in.accounts().create("x-" + w[1], Role.valueOf(w[0]), w[1], Optional.empty()),
                    AuthRule.AUTH_KIND);
        }
        in.accounts().create("w", Role.WITNESS, "party-a", Optional.empty());
        in.accounts().create("o", Role.OBSERVER, "observer-1", Optional.empty());
        in.accounts().create("a", Role.AUTHORITY, "authority", Optional.empty());
        assertThat(in.accounts().all()).hasSize(3);
    }

    @Test
    void authKindAtSubmissionForAnAccountBoundBeforeItsSourceWasKnown() throws Exception {
        // an account created where the source's kind was not known (no election yet, or an older data
        // directory): its sheets as the authority are refused all the same
        String token = new Accounts(in.store())
                .create("w-early", Role.WITNESS, "authority", Optional.empty())
                .token();
        try (ApiServer api = new ApiServer(in, WriteToken.load(dir)).start("127.0.0.1", 0)) {
            String sheet = "{\"station\":\"P1\",\"contest\":\"C1\",\"source\":\"authority\","
                    + "\"counts\":{\"valid\":30,\"null\":0},\"votes\":{\"C1-L1\":10,\"C1-L2\":10,\"C1-L3\":10}}";
            var r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/api/sheets"))
                                    .POST(HttpRequest.BodyPublishers.ofString(sheet))
                                    .header("Authorization", "Bearer " + token)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).contains("AUTH-KIND");
        }
        long[] sheets = {0};
        in.store()
                .query(
                        "SELECT COUNT(*) FROM log_entry WHERE kind = 'sheet'",
                        java.util.List.of(),
                        rs -> sheets[0] = org.veritally.store.Store.getLong(rs, 1));
        assertThat(sheets[0]).as("nothing written on refusal").isZero();
    }

    /** AUTH-RESERVED. */
    @Test
    void authReservedForAnAccountNamedAdminOrCli() {
        refusedWith(() -> in.accounts().create("admin", Role.ADMIN, "", Optional.empty()), AuthRule.AUTH_RESERVED)
                .hasMessageContaining("bootstrap");
        refusedWith(
                        () -> in.accounts().create("cli", Role.WITNESS, "party-a", Optional.empty()),
                        AuthRule.AUTH_RESERVED)
                .hasMessageContaining("command line");
        assertThat(in.accounts().all()).isEmpty();
    }
}

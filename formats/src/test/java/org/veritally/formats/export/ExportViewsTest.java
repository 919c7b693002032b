package org.veritally.formats.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.veritally.core.tabulate.View;

/**
 * RD-VIEW: official resolves to the authority; unknown sources and a missing authority are refused with the choices.
 */
class ExportViewsTest {
    final ElectionSnapshot snap = SmallElection.data().snapshot();

    @Test
    void officialIsTheAuthority() {
        assertThat(ExportViews.resolve(snap, "official")).isEqualTo(new View.OfSource("auth"));
        assertThat(ExportViews.resolve(snap, "source:wit")).isEqualTo(new View.OfSource("wit"));
        assertThat(ExportViews.resolve(snap, "wit")).isEqualTo(new View.OfSource("wit"));
        assertThat(ExportViews.resolve(snap, "consensus")).isEqualTo(new View.Consensus());
    }

    @Test
    void rdViewUnknownSourceOrNoAuthority() {
        assertThatThrownBy(() -> ExportViews.resolve(snap, "source:nope"))
                .hasMessageContaining("RD-VIEW")
                .hasMessageContaining("[auth, wit]");
        var noAuthority = new ElectionSnapshot(
                snap.election(), snap.units(), List.of(snap.sources().get(1)), 0, Optional.empty());
        assertThatThrownBy(() -> ExportViews.resolve(noAuthority, "official"))
                .hasMessageContaining("RD-VIEW")
                .hasMessageContaining("no authority");
    }
}

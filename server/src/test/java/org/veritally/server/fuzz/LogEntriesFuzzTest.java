package org.veritally.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.veritally.core.entry.AnnouncementEntry;
import org.veritally.core.entry.CatalogueEntry;
import org.veritally.core.entry.ElectionEntry;
import org.veritally.core.entry.KeyEntry;
import org.veritally.core.entry.SheetEntry;
import org.veritally.core.entry.SourceEntry;
import org.veritally.core.model.Announcement;
import org.veritally.core.model.Correction;
import org.veritally.core.model.TallySheet;
import org.veritally.core.validation.Problem;
import org.veritally.formats.entry.EntryCodec;
import org.veritally.formats.replay.LogReplay;

/**
 * Fuzzes log entries of every kind through what {@code verify}, {@code rebuild} and the followers run:
 * the entry codec, then the one rulebook ({@link LogReplay#accept}), after a valid prefix (the
 * election, its catalogue and sources). Each input must end in an accepted entry or a list of problems,
 * each with a rule ID, never an exception; the bounds of issue 16 (IN-MAX, IN-TEXT, IN-TIME) are in the
 * tokens so mutations reach them.
 */
class LogEntriesFuzzTest {
    static final int CI = 1500;

    static List<byte[]> prefix(EntryCodec codec) {
        var d = Samples.DEFINITION;
        List<byte[]> out = new ArrayList<>();
        out.add(codec.encode(new ElectionEntry(d.election())));
        out.add(codec.encode(new CatalogueEntry(d.units(), d.stations())));
        for (var s : d.sources()) out.add(codec.encode(new SourceEntry(s)));
        return out;
    }

    @Test
    void logEntriesThroughTheRulebook() {
        var codec = new EntryCodec(Optional.of(Samples.DEFINITION.election()));
        List<byte[]> prefix = prefix(codec);
        List<byte[]> seeds = new ArrayList<>();
        for (TallySheet s : Samples.SHEETS.subList(0, 6)) seeds.add(codec.encode(new SheetEntry(s, Optional.empty())));
        TallySheet s0 = Samples.SHEETS.get(0);
        seeds.add(codec.encode(new SheetEntry(
                new TallySheet(
                        s0.stationId(),
                        s0.contestId(),
                        s0.sourceId(),
                        s0.counts(),
                        s0.votes(),
                        Optional.of(new Correction(prefix.size(), "a misread line"))),
                Optional.empty())));
        seeds.add(codec.encode(new AnnouncementEntry(new Announcement(
                "b-1",
                "First bulletin",
                "2024-07-29T00:06:00-04:00",
                "C1",
                OptionalLong.of(8050),
                OptionalLong.empty(),
                OptionalLong.of(30),
                OptionalLong.of(12000),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.of(9000),
                OptionalLong.empty(),
                Map.of("C1-K1", 5000L, "C1-K2", 3000L),
                OptionalLong.of(1000)))));
        seeds.add(codec.encode(new KeyEntry(
                "wit-a",
                Samples.DEFINITION.sources().get(1).id(),
                org.veritally.translog.NoteSigner.generate("wit-a", org.veritally.translog.VerifierKey.TYPE_ED25519)
                        .verifierKey()
                        .encode())));
        var tokens = Samples.jsonTokens(
                "kind",
                "v",
                "sheet",
                "announcement",
                "key",
                "source",
                "catalogue",
                "election",
                "station",
                "contest",
                "votes",
                "valid",
                "null",
                "supersedes",
                "reason",
                "title",
                "time",
                "candidates",
                "account");
        FuzzCampaign.run("LogReplay (entries)", CI, seeds, new Mutator(tokens), (input, seen) -> {
            LogReplay replay = new LogReplay();
            for (byte[] p : prefix) assertThat(replay.accept(p)).isEmpty();
            List<Problem> problems = replay.accept(input);
            if (problems.isEmpty()) seen.add("ok");
            for (Problem p : problems) {
                assertThat(p.rule().id()).isNotBlank();
                assertThat(p.message()).doesNotContain("com.fasterxml");
                seen.add(p.rule().id());
            }
            if (problems.isEmpty())
                assertThat(new String(input, StandardCharsets.UTF_8)).doesNotContain("\u202e", "\u0000");
        });
    }
}

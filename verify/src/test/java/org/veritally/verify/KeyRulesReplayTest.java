package org.veritally.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.veritally.core.entry.CatalogueEntry;
import org.veritally.core.entry.ElectionEntry;
import org.veritally.core.entry.Entry;
import org.veritally.core.entry.KeyEntry;
import org.veritally.core.entry.RevocationEntry;
import org.veritally.core.entry.SheetEntry;
import org.veritally.core.entry.SheetSignature;
import org.veritally.core.entry.SourceEntry;
import org.veritally.core.model.Election;
import org.veritally.core.model.TallySheet;
import org.veritally.formats.Definition;
import org.veritally.formats.entry.EntryCodec;
import org.veritally.formats.entry.KeyJson;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.formats.replay.LogReplay;
import org.veritally.translog.NoteSigner;
import org.veritally.translog.VerifierKey;

/**
 * The key rules (KEY-ROTATE, KEY-COOL, KEY-REVOKE, KEY-TIME, and AUTH-SIG for a revoked key) as
 * {@code verify} replays them: logs built in memory, with the operator's forgeries forced in, replayed
 * by {@link LogReplay}. Keys come from fixed seeds.
 */
class KeyRulesReplayTest {
    static final NoteSigner WITNESS = signer("wit-a", 1);
    static final NoteSigner OPERATOR = signer("wit-a", 2);
    static final NoteSigner SECOND = signer("wit-b", 3);
    static final String T0 = "2026-12-07T10:00:00Z";

    static NoteSigner signer(String name, int seed) {
        byte[] s = new byte[32];
        java.util.Arrays.fill(s, (byte) seed);
        return NoteSigner.of(name, VerifierKey.TYPE_ED25519, s);
    }

    /** A log of a synthetic election (authority, party-a, observer-1) with a cooling-off period of {@code hours}. */
    static final class Log {
        final Definition d;
        final EntryCodec codec;
        final List<byte[]> entries = new ArrayList<>();

        Log(long hours) {
            Definition g = new SyntheticElection(4, 1, 3, 3, 7).definition();
            Election e = g.election();
            Election el =
                    new Election(e.id(), e.name(), e.rootUnitId(), e.levels(), e.contests(), 0, e.consensus(), hours);
            d = new Definition(el, g.units(), g.stations(), g.sources());
            codec = new EntryCodec(Optional.of(el));
            add(new ElectionEntry(el));
            add(new CatalogueEntry(d.units(), d.stations()));
            d.sources().forEach(s -> add(new SourceEntry(s)));
        }

        Log add(Entry e) {
            entries.add(codec.encode(e));
            return this;
        }

        /** A sheet of party-a for station {@code station}, signed by {@code key} as {@code signer}. */
        SheetEntry sheet(int station, String signer, NoteSigner key) {
            List<TallySheet> all = new ArrayList<>();
            new SyntheticElection(4, 1, 3, 3, 7).sheets(d, all::add);
            TallySheet s = all.stream()
                    .filter(x -> x.sourceId().equals("party-a") && x.stationId().equals("P" + station))
                    .findFirst()
                    .orElseThrow();
            byte[] sig = key.signBytes(codec.signedMessage(s, signer));
            return new SheetEntry(s, Optional.of(new SheetSignature(signer, sig)));
        }

        /** The rule IDs the replay finds at the last entry (none before it). */
        List<String> last() {
            LogReplay replay = new LogReplay();
            for (int i = 0; i < entries.size() - 1; i++)
                assertThat(replay.accept(entries.get(i))).as("entry " + i).isEmpty();
            return replay.accept(entries.get(entries.size() - 1)).stream()
                    .map(p -> p.rule().id())
                    .toList();
        }
    }

    static KeyEntry key(String account, NoteSigner k) {
        return new KeyEntry(account, "party-a", k.verifierKey().encode());
    }

    static KeyEntry endorsed(KeyEntry k, String endorser, NoteSigner by) {
        return k.endorsed(new SheetSignature(endorser, by.signBytes(KeyJson.signedMessage(k, endorser))));
    }

    @Test
    void keyRotateForTheOperatorsUnendorsedKeyForcedInPlaceOfAWitnessLiveKey() {
        // finding 1 of issue 16: the operator registers its own key for the witness's account
        var log = new Log(24)
                .add(key("wit-a", WITNESS))
                .add(key("wit-a", OPERATOR).at(T0));
        assertThat(log.last()).containsExactly("KEY-ROTATE");
    }

    @Test
    void keyRotateForAnUnendorsedKeyOfANewAccountOfASigningSource() {
        var log =
                new Log(24).add(key("wit-a", WITNESS)).add(key("wit-b", SECOND).at(T0));
        assertThat(log.last()).containsExactly("KEY-ROTATE");
    }

    @Test
    void keyRotateForAnEndorsementByAKeyOtherThanTheLiveOne() {
        var log = new Log(24).add(key("wit-a", WITNESS)).add(endorsed(key("wit-a", SECOND), "wit-a", OPERATOR));
        assertThat(log.last()).containsExactly("KEY-ROTATE");
    }

    @Test
    void keyRotateForAnEndorserOfAnotherSource() {
        var log = new Log(24)
                .add(key("wit-a", WITNESS))
                .add(new KeyEntry("obs", "observer-1", OPERATOR.verifierKey().encode()));
        log.add(endorsed(key("wit-b", SECOND), "obs", OPERATOR));
        assertThat(log.last()).containsExactly("KEY-ROTATE");
    }

    @Test
    void anEndorsedRotationVerifiesAndTheOldKeyThenSignsNothing() {
        var log = new Log(24).add(key("wit-a", WITNESS)).add(endorsed(key("wit-a", SECOND), "wit-a", WITNESS));
        assertThat(log.last()).isEmpty();
        log.add(log.sheet(0, "wit-a", SECOND));
        assertThat(log.last()).isEmpty();
        log.add(log.sheet(1, "wit-a", WITNESS));
        assertThat(log.last()).containsExactly("AUTH-SIG");
    }

    @Test
    void authSigForASheetSignedWithARevokedKey() {
        var log = new Log(24)
                .add(key("wit-a", WITNESS))
                .add(new RevocationEntry("wit-a", "party-a", T0, "lost"))
                .add(new Log(24).sheet(0, "wit-a", WITNESS));
        assertThat(log.last()).containsExactly("AUTH-SIG");
    }

    @Test
    void authSigForAnUnsignedSheetOfASourceWhoseKeysAreRevoked() {
        Log log = new Log(24);
        SheetEntry signed = log.sheet(0, "wit-a", WITNESS);
        log.add(key("wit-a", WITNESS))
                .add(new RevocationEntry("wit-a", "party-a", T0, "lost"))
                .add(new SheetEntry(signed.sheet()));
        assertThat(log.last()).containsExactly("AUTH-SIG");
    }

    @Test
    void keyCoolForAnUnendorsedKeyWithinTheCoolingOffPeriodAfterARevocation() {
        var log = new Log(24)
                .add(key("wit-a", WITNESS))
                .add(new RevocationEntry("wit-a", "party-a", T0, "lost"))
                .add(key("wit-a", OPERATOR).at("2026-12-08T09:59:59Z"));
        assertThat(log.last()).containsExactly("KEY-COOL");
    }

    @Test
    void keyCoolForAnUnendorsedKeyWithoutATimeAfterARevocation() {
        var log = new Log(24)
                .add(key("wit-a", WITNESS))
                .add(new RevocationEntry("wit-a", "party-a", T0, "lost"))
                .add(key("wit-a", OPERATOR));
        assertThat(log.last()).containsExactly("KEY-COOL");
    }

    @Test
    void aNewKeyCountsOnceTheCoolingOffPeriodHasPassed() {
        var log = new Log(24)
                .add(key("wit-a", WITNESS))
                .add(new RevocationEntry("wit-a", "party-a", T0, "lost"))
                .add(key("wit-a", SECOND).at("2026-12-08T10:00:00Z"));
        assertThat(log.last()).isEmpty();
        log.add(log.sheet(0, "wit-a", SECOND));
        assertThat(log.last()).isEmpty();
    }

    @Test
    void theCoolingOffPeriodIsTheElectionsKeyCoolingOffHours() {
        var log = new Log(0)
                .add(key("wit-a", WITNESS))
                .add(new RevocationEntry("wit-a", "party-a", T0, "lost"))
                .add(key("wit-a", SECOND).at(T0));
        assertThat(log.last()).isEmpty();
        assertThat(new String(log.entries.get(0), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"keyCoolingOffHours\":0");
        assertThat(new String(new Log(24).entries.get(0), java.nio.charset.StandardCharsets.UTF_8))
                .as("omitted at its default, so older logs keep their bytes")
                .doesNotContain("keyCoolingOffHours");
    }

    @Test
    void keyRevokeForAnAccountWithoutALiveKey() {
        var log = new Log(24)
                .add(key("wit-a", WITNESS))
                .add(new RevocationEntry("wit-a", "party-a", T0, "lost"))
                .add(new RevocationEntry("wit-a", "party-a", T0, "again"));
        assertThat(log.last()).containsExactly("KEY-REVOKE");
        var other = new Log(24).add(key("wit-a", WITNESS)).add(new RevocationEntry("wit-a", "observer-1", T0, "x"));
        assertThat(other.last()).containsExactly("KEY-REVOKE");
    }

    @Test
    void keyTimeForATimeBeforeAnEarlierKeyTimeOrNotInTheOneForm() {
        var back = new Log(24)
                .add(key("wit-a", WITNESS))
                .add(new RevocationEntry("wit-a", "party-a", T0, "lost"))
                .add(key("wit-a", SECOND).at("2026-12-07T09:00:00Z"));
        assertThat(back.last()).contains("KEY-TIME");
        for (String bad : List.of("2026-12-07T10:00:00.5Z", "2026-12-07T10:00:00+01:00", "yesterday")) {
            var log = new Log(24).add(key("wit-a", WITNESS)).add(new RevocationEntry("wit-a", "party-a", bad, "x"));
            assertThat(log.last()).as(bad).containsExactly("KEY-TIME");
        }
    }

    @Test
    void logRepeatForTheSameLiveKeyRegisteredTwice() {
        var log =
                new Log(24).add(key("wit-a", WITNESS)).add(key("wit-a", WITNESS).at(T0));
        assertThat(log.last()).containsExactly("LOG-REPEAT");
    }

    @Test
    void keyAndRevocationEntriesRoundTripCanonically() {
        Log log = new Log(24);
        for (Entry e : List.of(
                endorsed(key("wit-a", SECOND), "wit-a", WITNESS),
                key("wit-b", SECOND).at(T0),
                new RevocationEntry("wit-a", "party-a", T0, "lost the phone"))) {
            byte[] bytes = log.codec.encode(e);
            var decoded = log.codec.decode(bytes, "x", new ArrayList<>()).orElseThrow();
            assertThat(log.codec.encode(decoded)).isEqualTo(bytes);
            assertThat(decoded.kind()).isEqualTo(e.kind());
        }
    }
}

package org.veritally.formats.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.veritally.formats.replay.TranscriptionLog.typed;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.veritally.core.entry.KeyEntry;
import org.veritally.core.entry.RevocationEntry;
import org.veritally.core.entry.SheetSignature;
import org.veritally.core.entry.TranscriptionEntry;
import org.veritally.core.entry.TranscriptionFlagEntry;
import org.veritally.core.entry.TranscriptionReportEntry;
import org.veritally.core.entry.TranscriptionWork;
import org.veritally.core.model.TallySheet;
import org.veritally.core.transcribe.FlagReason;
import org.veritally.core.transcribe.ReportReason;
import org.veritally.core.validation.Problem;
import org.veritally.translog.NoteSigner;
import org.veritally.translog.VerifierKey;

/**
 * Signed transcription work (TR-SIGN) and account keys (a {@code key} entry of no source: KEY-ROTATE, KEY-COOL
 * with the account as scope), as the one rulebook decides them and {@code verify}'s replay ({@link LogReplay})
 * re-checks them (docs/log-format.md §1.5, §1.9, §5.9; docs/transcription.md#signatures). Keys come from fixed
 * seeds, so Ed25519's deterministic signatures (RFC 8032 §5.1.6) pin the golden encodings byte for byte; the
 * JDK's own Ed25519 is the reference that signs the same bytes.
 */
class SignedWorkRulesTest {
    static final NoteSigner VOL_1 = signer("vol-1", 1);
    static final NoteSigner VOL_2 = signer("vol-2", 2);
    static final NoteSigner STOLEN = signer("vol-1", 3);
    static final String T0 = "2026-12-07T10:00:00Z";

    final TranscriptionLog log = new TranscriptionLog(6, Optional.empty());

    static NoteSigner signer(String name, int seed) {
        return NoteSigner.of(name, VerifierKey.TYPE_ED25519, seed(seed));
    }

    static byte[] seed(int seed) {
        byte[] s = new byte[32];
        java.util.Arrays.fill(s, (byte) seed);
        return s;
    }

    static KeyEntry accountKey(String account, NoteSigner key) {
        return KeyEntry.forAccount(account, key.verifierKey().encode());
    }

    TranscriptionEntry signedTranscription(TallySheet s, String account, NoteSigner key) {
        TranscriptionEntry t = typed(s, account);
        return t.signed(key.signBytes(log.codec.signedMessage(t)));
    }

    TranscriptionFlagEntry flag(int photo, String account) {
        TallySheet t = log.truth.get(photo);
        return new TranscriptionFlagEntry(
                t.evidence().get(), t.stationId(), t.sourceId(), account, FlagReason.ILLEGIBLE, false);
    }

    TranscriptionReportEntry report(int photo, String account) {
        TallySheet t = log.truth.get(photo);
        return new TranscriptionReportEntry(
                t.evidence().get(), t.stationId(), t.sourceId(), account, ReportReason.OTHER, "a thumb", false);
    }

    /** The rule IDs {@code verify}'s replay reports for {@code e} appended as the next entry's bytes. */
    List<String> replayed(TranscriptionWork e) {
        List<String> out = new ArrayList<>();
        for (Problem p : log.replay.accept(log.codec.encode(e)))
            out.add(p.rule().id());
        return out;
    }

    @Test
    void trSignGoldenAccountKeySignedFlagAndReportEncodings() throws Exception {
        KeyEntry key = accountKey("vol-1", VOL_1);
        assertThat(new String(log.codec.encode(key), StandardCharsets.UTF_8))
                .as("an account key has no source member (log-format §1.5)")
                .isEqualTo("{\"account\":\"vol-1\",\"key\":\""
                        + VOL_1.verifierKey().encode() + "\",\"kind\":\"key\",\"v\":1}");
        assertThat(VOL_1.verifierKey().encode())
                .isEqualTo("vol-1+fe076001+AYqI4910CfGV/VLbLTy6XXLKZwm/HZQSG/N0iAG0D29c");
        assertThat(new String(
                        log.codec.encode(new RevocationEntry("vol-1", "", T0, "phone lost")), StandardCharsets.UTF_8))
                .isEqualTo("{\"account\":\"vol-1\",\"kind\":\"revocation\",\"reason\":\"phone lost\",\"time\":\"" + T0
                        + "\",\"v\":1}");
        log.append(key);

        TranscriptionFlagEntry f = flag(0, "vol-1");
        byte[] message = log.codec.signedMessage(f);
        assertThat(new String(message, StandardCharsets.UTF_8))
                .as("the signed bytes: the canonical entry without signature")
                .isEqualTo(new String(log.codec.encode(f), StandardCharsets.UTF_8));
        byte[] sig = VOL_1.signBytes(message);
        assertThat(sig).as("the JDK's Ed25519 signs the same bytes alike").isEqualTo(jdkSign(seed(1), message));
        String b64 = Base64.getEncoder().encodeToString(sig);
        assertThat(b64).isEqualTo(GOLDEN_FLAG_SIGNATURE);
        TranscriptionFlagEntry signed = f.signed(sig);
        assertThat(new String(log.codec.encode(signed), StandardCharsets.UTF_8))
                .isEqualTo("{\"account\":\"vol-1\",\"kind\":\"transcription-flag\",\"photo\":\"" + f.photo()
                        + "\",\"reason\":\"illegible\",\"signature\":\"" + b64 + "\",\"source\":\"" + f.sourceId()
                        + "\",\"station\":\"" + f.stationId() + "\",\"v\":1}");
        assertThat(log.rules(signed)).as("a signed flag stands").isEmpty();
        log.append(signed);

        TranscriptionReportEntry r = report(1, "vol-1");
        byte[] rs = VOL_1.signBytes(log.codec.signedMessage(r));
        assertThat(Base64.getEncoder().encodeToString(rs)).isEqualTo(GOLDEN_REPORT_SIGNATURE);
        log.append(r.signed(rs));

        TranscriptionEntry t = signedTranscription(log.truth.get(2), "vol-1", VOL_1);
        assertThat(new String(log.codec.encode(t), StandardCharsets.UTF_8))
                .as("a transcription's signature is a member of the entry, beside (not inside) its sheet")
                .contains("},\"signature\":\""
                        + Base64.getEncoder().encodeToString(t.signature().get().signature()))
                .endsWith("\",\"v\":1}");
        log.append(t);
    }

    static final String GOLDEN_FLAG_SIGNATURE =
            "QTNZu4gpqmqIX6cgMfnpHWUlVW9OH2f8KdsPiDs2R4KW9233SLyu43Ve5e0EZCp1U7zsoChR8+tEuASiL/7iCw==";
    static final String GOLDEN_REPORT_SIGNATURE =
            "MYMxb9OeMXIrJ+D2TIgh0DheAlg4gQpl7Nqx4sI+5AL2gNHN8rC7TGzZXteIifQzf49gU0Am5FHoNJhKUyigBw==";

    /** The reference: the JDK's Ed25519 (RFC 8032) over {@code message} with the private key {@code seed}. */
    static byte[] jdkSign(byte[] seed, byte[] message) throws Exception {
        var key = KeyFactory.getInstance("Ed25519")
                .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(key);
        s.update(message);
        return s.sign();
    }

    @Test
    void trSignAlteredFigureUnderAValidSignatureIsRefusedByVerify() {
        log.append(accountKey("vol-1", VOL_1));
        TranscriptionEntry honest = signedTranscription(log.truth.get(0), "vol-1", VOL_1);
        TranscriptionEntry forged = new TranscriptionEntry(log.typo(0, 5), "vol-1", List.of(), false)
                .signed(honest.signature().get().signature());
        assertThat(log.rules(forged)).containsExactly("TR-SIGN");
        assertThat(replayed(forged)).as("verify's replay of the forged bytes").containsExactly("TR-SIGN");
        log.append(honest);
    }

    @Test
    void trSignUnsignedWorkOfAnAccountWithAKeyIsRefused() {
        assertThat(log.rules(flag(0, "vol-1")))
                .as("before its key: unsigned work stands")
                .isEmpty();
        log.append(accountKey("vol-1", VOL_1));
        assertThat(log.rules(flag(0, "vol-1"))).containsExactly("TR-SIGN");
        assertThat(log.rules(report(0, "vol-1"))).containsExactly("TR-SIGN");
        assertThat(log.rules(typed(log.truth.get(0), "vol-1"))).containsExactly("TR-SIGN");
        assertThat(log.rules(flag(0, "vol-2")))
                .as("another account without a key")
                .isEmpty();
    }

    @Test
    void trSignSignatureByAnotherAccountsKeyIsRefused() {
        log.append(accountKey("vol-1", VOL_1));
        log.append(accountKey("vol-2", VOL_2));
        TranscriptionFlagEntry f = flag(0, "vol-1");
        var byOther = f.signed(VOL_2.signBytes(log.codec.signedMessage(f)));
        assertThat(log.rules(byOther)).containsExactly("TR-SIGN");
        assertThat(replayed(byOther)).containsExactly("TR-SIGN");
        TranscriptionFlagEntry g = flag(0, "vol-3");
        assertThat(log.rules(g.signed(VOL_2.signBytes(log.codec.signedMessage(g)))))
                .as("an account with no key signs nothing")
                .containsExactly("TR-SIGN");
    }

    @Test
    void trSignRevokedKeySignsNothingAndTheAccountStillSigns() {
        log.append(accountKey("vol-1", VOL_1));
        log.append(new RevocationEntry("vol-1", "", T0, "phone lost"));
        TranscriptionFlagEntry f = flag(0, "vol-1");
        var withRevoked = f.signed(VOL_1.signBytes(log.codec.signedMessage(f)));
        assertThat(log.rules(withRevoked)).containsExactly("TR-SIGN");
        assertThat(replayed(withRevoked)).containsExactly("TR-SIGN");
        assertThat(log.rules(f))
                .as("a revocation does not make the account stop signing")
                .containsExactly("TR-SIGN");
    }

    @Test
    void keyRotateAnAccountKeyIsReplacedOnlyWithTheAccountsOwnEndorsement() {
        log.append(accountKey("vol-1", VOL_1));
        KeyEntry swap = accountKey("vol-1", STOLEN);
        assertThat(log.rules(swap)).as("the operator's key for a volunteer").containsExactly("KEY-ROTATE");
        log.append(accountKey("vol-2", VOL_2));
        KeyEntry byOther = swap.endorsed(new SheetSignature(
                "vol-2", VOL_2.signBytes(org.veritally.formats.entry.KeyJson.signedMessage(swap, "vol-2"))));
        assertThat(log.rules(byOther)).as("endorsed by another account").containsExactly("KEY-ROTATE");
        KeyEntry rotation = swap.endorsed(new SheetSignature(
                "vol-1", VOL_1.signBytes(org.veritally.formats.entry.KeyJson.signedMessage(swap, "vol-1"))));
        assertThat(log.rules(rotation)).isEmpty();
        log.append(rotation);
        TranscriptionFlagEntry f = flag(0, "vol-1");
        assertThat(log.rules(f.signed(VOL_1.signBytes(log.codec.signedMessage(f)))))
                .as("the old key no longer signs")
                .containsExactly("TR-SIGN");
        log.append(f.signed(STOLEN.signBytes(log.codec.signedMessage(f))));
    }

    @Test
    void keyRotateAnAccountHoldsKeysOfOneKind() {
        String party = log.definition.sources().get(1).id();
        log.append(accountKey("vol-1", VOL_1));
        assertThat(log.rules(new KeyEntry("vol-1", party, STOLEN.verifierKey().encode())))
                .as("a source's first key for an account with an account key")
                .containsExactly("KEY-ROTATE");
        log.append(new KeyEntry("wit-1", party, VOL_2.verifierKey().encode()));
        assertThat(log.rules(accountKey("wit-1", STOLEN)))
                .as("an account key for a witness")
                .containsExactly("KEY-ROTATE");
    }

    @Test
    void keyCoolAfterAnAccountKeyIsRevokedANewUnendorsedKeyWaits() {
        log.append(accountKey("vol-1", VOL_1));
        log.append(new RevocationEntry("vol-1", "", T0, "phone lost"));
        assertThat(log.rules(accountKey("vol-1", STOLEN))).as("no time").containsExactly("KEY-COOL");
        assertThat(log.rules(accountKey("vol-1", STOLEN).at("2026-12-07T11:00:00Z")))
                .containsExactly("KEY-COOL");
        String party = log.definition.sources().get(1).id();
        assertThat(log.rules(new KeyEntry("vol-1", party, STOLEN.verifierKey().encode()).at("2026-12-07T11:00:00Z")))
                .as("nor as a source's first key")
                .containsExactly("KEY-COOL");
        KeyEntry later = accountKey("vol-1", STOLEN).at("2026-12-08T10:00:00Z");
        assertThat(log.rules(later)).isEmpty();
        log.append(later);
    }

    @Test
    void keyRevokeAnAccountKeyIsRevokedWithNoSource() {
        String party = log.definition.sources().get(1).id();
        log.append(accountKey("vol-1", VOL_1));
        assertThat(log.rules(new RevocationEntry("vol-1", party, T0, "x"))).containsExactly("KEY-REVOKE");
        assertThat(log.rules(new RevocationEntry("vol-1", "", T0, "x"))).isEmpty();
    }

    @Test
    void aPauseIsNeverSignedAndAnEmptySourceIsNotCanonical() {
        var problems = new ArrayList<Problem>();
        byte[] pause = ("{\"account\":\"vol-1\",\"by\":\"mod-1\",\"kind\":\"transcriber-pause\",\"reason\":\"x\","
                        + "\"signature\":\"" + "A".repeat(86) + "==\",\"v\":1}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(log.codec.decode(pause, "x", problems)).isEmpty();
        assertThat(problems).extracting(p -> p.rule().id()).containsExactly("IN-FIELD");
        problems.clear();
        byte[] key = ("{\"account\":\"vol-1\",\"key\":\"" + VOL_1.verifierKey().encode()
                        + "\",\"kind\":\"key\",\"source\":\"\",\"v\":1}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(log.codec.decode(key, "x", problems)).isEmpty();
        assertThat(problems).extracting(p -> p.rule().id()).containsExactly("IN-FIELD");
    }
}

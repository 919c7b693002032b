package org.veritally.core.transcribe;

import org.veritally.core.validation.RuleId;
import org.veritally.core.validation.Severity;

/**
 * The rules of transcription work (docs/transcription.md, docs/validation.md), decided by the one
 * {@link org.veritally.core.rulebook.Rulebook}. The arithmetic is the sheet rules' (TS-SUM, TS-BALLOTS,
 * TS-REG, TS-FLAG-ZERO), reused, not restated: here only whether a transcriber confirmed them. IDs are
 * stable and unique across every {@link RuleId} family. Immutable and thread-safe (an enum).
 */
public enum TranscriptionRule implements RuleId {
    TR_PHOTO("TR-PHOTO", Severity.ERROR, "the photo is not filed as evidence for this station by this source"),
    TR_OWN("TR-OWN", Severity.ERROR, "an account transcribes or flags a photo it filed itself"),
    TR_TWICE("TR-TWICE", Severity.ERROR, "an account transcribes or flags the same photo a second time"),
    TR_PAUSED("TR-PAUSED", Severity.ERROR, "a paused account transcribes or flags"),
    TR_CLOSED("TR-CLOSED", Severity.ERROR, "a volunteer works on a photo that is no longer open"),
    TR_SETTLE(
            "TR-SETTLE",
            Severity.ERROR,
            "a moderator's decision on a photo that is not escalated (or reported), or one that cannot stand as"
                    + " the copy"),
    TR_CONFIRM(
            "TR-CONFIRM",
            Severity.ERROR,
            "an all-zero, non-summing or over-registered transcription without the transcriber's confirmation"),
    TR_CONFIRMED("TR-CONFIRMED", Severity.FLAG, "the transcriber confirmed the photo breaks a sheet rule"),
    TR_AGREE("TR-AGREE", Severity.FLAG, "k independent transcriptions agree: the photo's source has the copy"),
    TR_ESCALATE(
            "TR-ESCALATE",
            Severity.FLAG,
            "m transcriptions without k agreeing, or agreed figures that cannot stand as a copy: a moderator"
                    + " decides"),
    TR_REJECT("TR-REJECT", Severity.FLAG, "k agreeing flags, or a moderator's flag: the photo yields no copy"),
    TR_REPORT(
            "TR-REPORT",
            Severity.FLAG,
            "reports of the election's reportThreshold distinct accounts take an open photo out of the queue"),
    TR_RETURN("TR-RETURN", Severity.FLAG, "a moderator returns a reported photo to the queue"),
    TR_LIFT("TR-LIFT", Severity.ERROR, "a pause is lifted from an account that is not paused"),
    TR_SIGN(
            "TR-SIGN",
            Severity.ERROR,
            "a transcription, flag or report is unsigned where its account has a key, or its signature does not"
                    + " verify with the account's key live at that index (another account's key, a revoked key, or"
                    + " altered contents)"),
    TR_MACHINE(
            "TR-MACHINE",
            Severity.FLAG,
            "where the election says so, the photo's machine read (QR) agrees with a transcription: it counts as one"
                    + " voter");

    private final String id;
    private final Severity severity;
    private final String description;

    TranscriptionRule(String id, Severity severity, String description) {
        this.id = id;
        this.severity = severity;
        this.description = description;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Severity severity() {
        return severity;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return id;
    }
}

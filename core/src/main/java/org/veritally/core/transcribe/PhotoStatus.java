package org.veritally.core.transcribe;

/**
 * Where a photo stands in its campaign. {@code OPEN}: it needs more transcriptions; {@code AGREED}: k
 * independent transcriptions agree (TR-AGREE); {@code ESCALATED}: m came in without k agreeing, or the
 * agreed figures cannot stand as a copy (TR-ESCALATE), and a moderator decides; {@code SETTLED}: a
 * moderator's transcription decided it (TR-SETTLE); {@code REJECTED}: k agreeing flags, or a moderator's
 * flag, say it yields no copy (TR-REJECT); {@code REPORTED}: reports of enough distinct accounts took it out
 * of the queue (TR-REPORT), and a moderator returns it (TR-RETURN, back to OPEN) or rejects it. Only OPEN
 * takes volunteers' work, only ESCALATED (and REPORTED, for a return or a rejection) a moderator's.
 */
public enum PhotoStatus {
    OPEN,
    AGREED,
    ESCALATED,
    SETTLED,
    REJECTED,
    REPORTED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

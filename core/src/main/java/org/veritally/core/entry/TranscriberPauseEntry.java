package org.veritally.core.entry;

/**
 * Pauses a volunteer, publicly (docs/transcription.md §Gold tasks): from this entry on, {@code account}
 * transcribes nothing (TR-PAUSED) and its transcriptions of photos not yet settled no longer count
 * towards an agreement. Written by {@code by} (a moderator, or the server when the account's agreement
 * with gold tasks falls under the threshold); {@code reason} is free text. With {@code lift} it is a
 * moderator's decision to lift the account's pause (TR-LIFT): its work from then on counts again, its work
 * from before the pause does not. Immutable.
 */
public record TranscriberPauseEntry(String account, String by, String reason, boolean lift)
        implements TranscriptionWork {
    public TranscriberPauseEntry {
        if (account == null || account.isBlank() || by == null || by.isBlank() || reason == null)
            throw new IllegalArgumentException("a pause names the account, who paused it and why");
    }

    /** A pause (not a lift). */
    public TranscriberPauseEntry(String account, String by, String reason) {
        this(account, by, reason, false);
    }

    @Override
    public String kind() {
        return "transcriber-pause";
    }

    @Override
    public <R> R accept(Visitor<R> v) {
        return v.pause(this);
    }
}

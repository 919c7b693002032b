package org.veritally.core.entry;

/**
 * Pauses a volunteer, publicly (docs/transcription.md §Gold tasks): from this entry on, {@code account}
 * transcribes nothing (TR-PAUSED) and its transcriptions of photos not yet settled no longer count
 * towards an agreement. Written by {@code by} (a moderator, or the server when the account's agreement
 * with gold tasks falls under the threshold); {@code reason} is free text. Immutable.
 */
public record TranscriberPauseEntry(String account, String by, String reason) implements TranscriptionWork {
    public TranscriberPauseEntry {
        if (account == null || account.isBlank() || by == null || by.isBlank() || reason == null)
            throw new IllegalArgumentException("a pause names the account, who paused it and why");
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

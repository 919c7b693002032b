package org.veritally.verify;

/**
 * The port through which a witness hands its cosignature to the log: the checkpoint note with the
 * log's signature and the witness's {@code cosignature/v1} line (C2SP tlog-cosignature).
 * Implementations: {@code io.HttpLog} ({@code POST <log>/cosignature}).
 */
public interface CosignatureIntake {

    /**
     * Submits the cosigned checkpoint note.
     *
     * @throws LogUnavailableException if the log cannot be reached or refuses the cosignature
     */
    void submit(String cosignedNote);
}

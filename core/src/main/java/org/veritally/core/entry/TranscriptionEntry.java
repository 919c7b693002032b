package org.veritally.core.entry;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.veritally.core.model.TallySheet;

/**
 * One account's transcription of one photo (docs/transcription.md): the figures it typed, as the copy
 * the photo's source would have if they stand. {@code sheet} names the photo ({@link TallySheet#evidence},
 * required), its station, contest and the photo's source; it never supersedes anything. {@code confirmed}
 * lists the IDs of the sheet rules the account confirmed the photo really breaks (TS-SUM, TS-BALLOTS,
 * TS-REG, TS-FLAG-ZERO; rule TR-CONFIRM), sorted and without repeats. With {@code settles} it is a
 * moderator's decision on an escalated photo (TR-SETTLE). {@code signature}, if present, is the account's
 * over the canonical entry without it (TR-SIGN). Immutable.
 */
public record TranscriptionEntry(
        TallySheet sheet, String account, List<String> confirmed, boolean settles, Optional<SheetSignature> signature)
        implements TranscriptionWork {
    /** An unsigned transcription. */
    public TranscriptionEntry(TallySheet sheet, String account, List<String> confirmed, boolean settles) {
        this(sheet, account, confirmed, settles, Optional.empty());
    }

    public TranscriptionEntry {
        if (sheet.evidence().isEmpty()) throw new IllegalArgumentException("a transcription names its photo");
        if (sheet.correction().isPresent()) throw new IllegalArgumentException("a transcription supersedes nothing");
        if (account == null || account.isBlank())
            throw new IllegalArgumentException("a transcription names its account");
        confirmed = List.copyOf(new TreeSet<>(confirmed));
        if (signature.isPresent() && !signature.get().signer().equals(account))
            throw new IllegalArgumentException("work is signed by its own account");
    }

    /** This transcription signed by its account with {@code signature} (Ed25519, 64 bytes). */
    public TranscriptionEntry signed(byte[] signature) {
        return new TranscriptionEntry(
                sheet, account, confirmed, settles, Optional.of(new SheetSignature(account, signature)));
    }

    /** This transcription without its signature: what the signature covers. */
    public TranscriptionEntry unsigned() {
        return new TranscriptionEntry(sheet, account, confirmed, settles);
    }

    /** The photo's original SHA-256. */
    public String photo() {
        return sheet.evidence().orElseThrow();
    }

    @Override
    public Optional<String> worker() {
        return Optional.of(account);
    }

    @Override
    public String kind() {
        return "transcription";
    }

    @Override
    public <R> R accept(Visitor<R> v) {
        return v.transcription(this);
    }
}

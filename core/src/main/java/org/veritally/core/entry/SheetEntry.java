package org.veritally.core.entry;

import java.util.Optional;
import org.veritally.core.model.TallySheet;

/**
 * One source's copy of one tally sheet, possibly superseding its own earlier copy, and possibly
 * signed by the submitting account's Ed25519 key ({@link SheetSignature}), so anyone can check later
 * that the copy came from that account and not from the operator.
 */
public record SheetEntry(TallySheet sheet, Optional<SheetSignature> signature) implements Entry {
    public SheetEntry(TallySheet sheet) {
        this(sheet, Optional.empty());
    }

    /** The entry as a sheet, if it is one: for readers outside core that look only at sheets. */
    public static Optional<SheetEntry> of(Entry e) {
        return e instanceof SheetEntry s ? Optional.of(s) : Optional.empty();
    }

    public String kind() {
        return "sheet";
    }

    @Override
    public <R> R accept(EntryVisitor<R> v) {
        return v.sheet(this);
    }
}

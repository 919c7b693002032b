package org.veritally.formats.csv;

import java.util.List;
import java.util.Optional;
import org.veritally.core.model.TallySheet;
import org.veritally.core.validation.Problem;

/**
 * One parsed input record: where it came from (file:line), the sheet if it parsed, and the
 * problems found while parsing (syntax, counts), and the submitter's signature when it signed.
 * Semantic rules are checked later by the sequencer.
 */
public record SheetRow(
        String location,
        Optional<TallySheet> sheet,
        List<Problem> problems,
        Optional<org.veritally.core.entry.SheetSignature> signature) {
    public SheetRow {
        problems = List.copyOf(problems);
    }

    public SheetRow(String location, Optional<TallySheet> sheet, List<Problem> problems) {
        this(location, sheet, problems, Optional.empty());
    }
}

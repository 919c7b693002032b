package org.veritally.formats.csv;

import java.util.List;
import java.util.Optional;
import org.veritally.core.model.TallySheet;
import org.veritally.core.validation.Problem;

/**
 * One parsed input record: where it came from (file:line), the sheet if it parsed, and the
 * problems found while parsing (syntax, counts). Semantic rules are checked later by the sequencer.
 */
public record SheetRow(String location, Optional<TallySheet> sheet, List<Problem> problems) {
  public SheetRow {
    problems = List.copyOf(problems);
  }
}

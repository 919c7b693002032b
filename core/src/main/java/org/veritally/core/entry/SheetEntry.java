package org.veritally.core.entry;

import org.veritally.core.model.TallySheet;

/** One source's copy of one tally sheet, possibly superseding its own earlier copy. */
public record SheetEntry(TallySheet sheet) implements Entry {
  public String kind() {
    return "sheet";
  }
}

package org.veritally.web.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One version of a source's sheet for a station × contest, as the log holds it: its log index,
 * the entry it corrects and the source's reason (empty for the first version), whether it is the
 * current one, and the fields it changed from the version it corrects.
 */
public record SheetVersion(
        String sourceName,
        long logIndex,
        OptionalLong supersedes,
        Optional<String> reason,
        boolean current,
        List<FieldChange> changes) {
    public SheetVersion {
        changes = List.copyOf(changes);
    }
}

package org.veritally.server.evidence;

import java.util.Optional;
import org.veritally.core.entry.SheetSignature;

/**
 * What the filer says of a photo: the station (and contest, where known) it shows, the source and
 * account filing it, and the account's signature over the filer's members (docs/log-format.md §1.7),
 * if it signs.
 */
public record Filing(
        String station, Optional<String> contest, String source, String account, Optional<SheetSignature> signature) {}

package org.veritally.server.evidence;

import java.util.List;
import org.veritally.core.evidence.MachineRead;

/** Reads what a machine can from a photo's bytes (its QR codes); empty when nothing is read. Thread-safe. */
@FunctionalInterface
public interface MachineReader {
    List<MachineRead> read(byte[] photo);

    MachineReader NONE = photo -> List.of();
}

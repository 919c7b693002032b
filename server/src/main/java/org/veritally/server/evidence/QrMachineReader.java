package org.veritally.server.evidence;

import java.util.List;
import org.veritally.core.evidence.MachineRead;
import org.veritally.formats.qr.QrPayloads;
import org.veritally.image.qr.QrRead;
import org.veritally.image.qr.QrReader;

/**
 * The {@link MachineReader} of the running system: the QR codes of a photo ({@link QrReader}: scales,
 * binarizers, turns, the code's usual places on the sheet), each recognised as an acta, a boletim part
 * or a code of no known format ({@link QrPayloads}). Thread-safe.
 */
public final class QrMachineReader implements MachineReader {
    private final QrReader reader;

    private QrMachineReader(QrReader reader) {
        this.reader = reader;
    }

    /** Every attempt of the standard plan: for a batch of photos ({@code import --format images}). */
    public static QrMachineReader thorough() {
        return new QrMachineReader(new QrReader());
    }

    /**
     * The quick plan ({@link org.veritally.image.qr.AttemptPlan#quick}): for a photo filed online, where the witness
     * waits for the receipt.
     */
    public static QrMachineReader quick() {
        return new QrMachineReader(new QrReader(org.veritally.image.qr.AttemptPlan.quick()));
    }

    @Override
    public List<MachineRead> read(byte[] photo) {
        return reader.read(photo) instanceof QrRead.Found f ? QrPayloads.reads(f.payloads()) : List.of();
    }
}

package org.veritally.formats.qr;

import java.util.List;
import java.util.Optional;
import org.veritally.core.evidence.MachineRead;

/**
 * What the QR codes read from one photo are: a Venezuelan acta ({@value VeActaQr#FORMAT}), a part of a
 * Brazilian boletim de urna ({@value BrBuQr#FORMAT}), or a code of no known format ({@code qr}); and
 * which station they name, where they name one. A machine read is a hint: the station found here
 * only files the photo; its numbers become a copy only through the rules of their format (a
 * boletim's hash chain and signature, an acta's arithmetic). Stateless.
 */
public final class QrPayloads {
    /** The format of a code of no known format. */
    public static final String UNKNOWN = "qr";

    private QrPayloads() {}

    /** The format a payload is recognised as. */
    public static String format(String payload) {
        String p = payload.strip();
        if (p.startsWith("QRBU:")) return BrBuQr.FORMAT;
        String[] parts = p.split("!", -1);
        if (parts.length == 4 && VeActaQr.ACTA.matcher(parts[0]).matches()) return VeActaQr.FORMAT;
        return UNKNOWN;
    }

    /** Each payload with its format, in the order read. */
    public static List<MachineRead> reads(List<String> payloads) {
        return payloads.stream().map(p -> new MachineRead(format(p), p)).toList();
    }

    /**
     * The station the reads name: an acta's {@code <centre>.<table>}, or a boletim's
     * {@code UF.MUNI.ZONA.SECA} (from its first part); empty when none names one.
     */
    public static Optional<String> station(List<MachineRead> reads) {
        for (MachineRead r : reads) {
            if (r.format().equals(VeActaQr.FORMAT)) {
                var m = VeActaQr.ACTA.matcher(r.payload().strip().split("!", -1)[0]);
                if (m.matches()) return Optional.of(m.group(1) + "." + m.group(2));
            }
        }
        Boletins parts = new Boletins();
        for (MachineRead r : reads) {
            if (!r.format().equals(BrBuQr.FORMAT)) continue;
            BoletimQr.parse(r.payload(), "qr").part().ifPresent(parts::add);
        }
        for (Boletim b : parts.assemble().boletins()) {
            var content = BoletimContent.parse(b).content();
            if (content.isPresent()) return Optional.of(BrBuElection.stationId(content.get()));
        }
        return Optional.empty();
    }
}

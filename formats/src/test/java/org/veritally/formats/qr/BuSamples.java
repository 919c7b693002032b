package org.veritally.formats.qr;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The boletim samples of ../shared/samples/qr (system property {@code veritally.shared}): 119 real signed 2016
 * payloads with the states' keys, and the 2018 one-part and two-part boletins. Tests skip visibly without them.
 */
final class BuSamples {
    private BuSamples() {}

    static Path dir() {
        return Path.of(System.getProperty("veritally.shared", "../../shared"), "samples", "qr");
    }

    static void assumePresent() {
        boolean present = Files.isRegularFile(dir().resolve("br-bu-2016/payloads.csv"));
        if (!present) System.out.println("SKIPPED: boletim samples not found at " + dir().toAbsolutePath());
        assumeTrue(present, "SKIPPED: boletim samples absent at " + dir().toAbsolutePath());
    }

    static Path keysDir() {
        return dir().resolve("br-bu-2016/keys");
    }

    /** One 2016 row: the state, the city and the payload. */
    record Row(String uf, String city, String payload, int line) {}

    static List<Row> payloads2016() {
        List<Row> out = new ArrayList<>();
        try (var csv = CsvReader.builder()
                .ofNamedCsvRecord(dir().resolve("br-bu-2016/payloads.csv"), StandardCharsets.UTF_8)) {
            for (NamedCsvRecord r : csv)
                out.add(new Row(r.getField("UF"), r.getField("Cidade"), r.getField("Qr Code"), (int)
                        r.getStartingLineNumber()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static List<String> lines(String name) {
        try {
            return Files.readAllLines(dir().resolve(name), StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BoletimPart part(String payload, String where) {
        var p = BoletimQr.parse(payload, where);
        if (p.part().isEmpty()) throw new AssertionError(p.problems().toString());
        return p.part().get();
    }

    static BoletimKeys keys() {
        List<org.veritally.core.validation.Problem> ps = new ArrayList<>();
        BoletimKeys k = BoletimKeys.read(keysDir(), ps);
        if (!ps.isEmpty()) throw new AssertionError(ps.toString());
        return k;
    }
}

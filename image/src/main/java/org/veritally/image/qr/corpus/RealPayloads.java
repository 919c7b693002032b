package org.veritally.image.qr.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real QR payloads in {@code shared/samples/qr}, grouped as the codes of one sheet each: every
 * Venezuelan acta alone, every 2016 boletim alone, the 2018 one-part boletim alone, and the two parts of the
 * 2018 two-part boletim together on one sheet.
 */
public final class RealPayloads {
    private RealPayloads() {}

    /** The sheets' payloads under {@code qrSamples} (the {@code samples/qr} directory). */
    public static List<List<String>> load(Path qrSamples) throws IOException {
        List<List<String>> sheets = new ArrayList<>();
        for (String line : lines(qrSamples.resolve("ve-acta-2024.txt"))) sheets.add(List.of(line));
        List<String> csv = lines(qrSamples.resolve("br-bu-2016/payloads.csv"));
        for (String row : csv.subList(1, csv.size())) {
            // the payload is the last column and holds no comma; the city before it may be quoted
            sheets.add(List.of(row.substring(row.lastIndexOf(',') + 1)));
        }
        for (String line : lines(qrSamples.resolve("br-bu-2018-1of1.txt"))) sheets.add(List.of(line));
        sheets.add(lines(qrSamples.resolve("br-bu-2018-2parts.txt")));
        return List.copyOf(sheets);
    }

    private static List<String> lines(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String s = l.replace("\uFEFF", "").strip();
            if (!s.isEmpty()) out.add(s);
        }
        return out;
    }
}

package org.veritally.formats.nist;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.veritally.core.tabulate.View;
import org.veritally.formats.export.ExportData;

/** Writes reports to bytes for the tests. */
final class NistReports {
    static final Instant NOW = Instant.parse("2024-07-29T02:00:00Z");

    private NistReports() {}

    static byte[] json(ExportData d, View view) {
        var out = new ByteArrayOutputStream();
        try (var sink = new NistJsonSink(out)) {
            new NistReportWriter(sink, d.snapshot(), header(d, view)).write(d, view);
        }
        return out.toByteArray();
    }

    static byte[] xml(ExportData d, View view) {
        var out = new ByteArrayOutputStream();
        try (var sink = new NistXmlSink(out)) {
            new NistReportWriter(sink, d.snapshot(), header(d, view)).write(d, view);
        }
        return out.toByteArray();
    }

    static ReportHeader header(ExportData d, View view) {
        return ReportHeader.forView(
                d.snapshot(), view, NOW, Optional.of(LocalDate.parse("2024-07-28")), "general", "es");
    }
}

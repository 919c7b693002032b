package org.veritally.formats.nist;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import org.veritally.core.model.Source;
import org.veritally.core.tabulate.View;
import org.veritally.formats.export.ElectionSnapshot;
import org.veritally.formats.export.ExportViews;

/**
 * The report-level fields of one NIST report: who issued the counts (the source, or Veritally for
 * the consensus view), when it was generated, and the facts Veritally's model does not hold and the
 * standard requires (the election's date and type, the language of names). Immutable.
 *
 * @param electionDate ISO date for StartDate and EndDate
 * @param electionType a NIST ElectionType, or any other word (written as {@code other} + OtherType)
 * @param language BCP 47 tag of the names ({@code und} when unknown)
 */
public record ReportHeader(
        String issuer,
        String issuerAbbreviation,
        String viewWire,
        String generatedDate,
        String electionDate,
        String electionType,
        String language,
        String notes) {
    static final Set<String> ELECTION_TYPES =
            Set.of("general", "partisan-primary-closed", "partisan-primary-open", "primary", "runoff", "special");
    public static final String VENDOR = "veritally 0.1.0";

    /**
     * The header for a resolved view. Without {@code electionDate}, the date is the UTC day of the
     * first sheet in the log (else of {@code now}), and the notes say so.
     *
     * @throws IllegalArgumentException when {@code language} is not a language tag (xsd:language)
     */
    public static ReportHeader forView(
            ElectionSnapshot s,
            View view,
            Instant now,
            Optional<LocalDate> electionDate,
            String electionType,
            String language) {
        if (!language.matches("[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*"))
            throw new IllegalArgumentException(
                    "--language '" + language + "' is not a language tag such as es or pt-BR");
        if (electionType.isBlank()) throw new IllegalArgumentException("--election-type is blank");
        Optional<Source> src = ExportViews.source(s, view);
        String issuer = src.map(Source::name).orElse("Veritally consensus view");
        String abbreviation = src.map(Source::id).orElse("consensus");
        String viewWire = src.map(x -> "source:" + x.id()).orElse("consensus");
        String generated = DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS));
        String date;
        String dateNote;
        if (electionDate.isPresent()) {
            date = electionDate.get().toString();
            dateNote = "";
        } else {
            date = s.firstSheetDay()
                    .orElse(LocalDate.ofInstant(now, ZoneOffset.UTC).toString());
            dateNote = " StartDate and EndDate are the UTC day of the first sheet in the log (no "
                    + "--election-date was given).";
        }
        String notes = "Counts of the view " + viewWire
                + (src.map(x -> " (" + x.kind().wire() + " source)")
                        .orElse(" (a station counts when enough sources agree; see docs/open-data.md)"))
                + ", taken at log size " + s.logSize()
                + ". One report per view; Overvotes are Veritally's null votes and Undervotes its blank "
                + "votes; BallotCounts are per contest (OtherType "
                + NistIds.BALLOTS_OF + "<contest id>)." + dateNote;
        return new ReportHeader(issuer, abbreviation, viewWire, generated, date, electionType, language, notes);
    }
}

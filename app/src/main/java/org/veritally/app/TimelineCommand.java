package org.veritally.app;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.veritally.formats.timeline.Timeline;
import org.veritally.server.Instance;
import org.veritally.server.http.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code veritally timeline}: the reporting timeline of a unit × contest × view (docs/timeline.md):
 * stations reporting and each choice's share at sampled log sizes, with the time of the first signed
 * checkpoint covering each, and the arrival of each source's sheets. The view defaults as for {@code
 * results}; every view has one, {@code consensus} too.
 */
@Command(
        name = "timeline",
        description = "Print the reporting timeline of a unit (default: the whole election): stations reporting and"
                + " each choice's share along the log and the checkpoints' times, and when each source's sheets"
                + " arrived.")
final class TimelineCommand implements Callable<Integer> {
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Mixin
    DataDirOption data;

    @Option(names = "--unit", paramLabel = "ID")
    Optional<String> unit;

    @Option(names = "--contest", paramLabel = "ID")
    Optional<String> contest;

    @Option(
            names = "--view",
            paramLabel = "V",
            description = "official | consensus | source:<id> (default: official if an authority source is declared,"
                    + " else the only source's view)")
    Optional<String> view;

    @Option(
            names = "--at",
            paramLabel = "N",
            description = "the timeline as it stood when the log had N entries (default: now)")
    Optional<Long> at;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
        try (Instance in = data.open()) {
            String v = view.orElseGet(() -> ResultsCommand.defaultView(in));
            Timeline t = in.timeline()
                    .timeline(unit, contest, v, at.map(OptionalLong::of).orElse(OptionalLong.empty()));
            if (json) System.out.println(Json.pretty(t));
            else print(t);
            return Main.OK;
        }
    }

    private static void print(Timeline t) {
        var d = t.denominator();
        System.out.printf(
                "%s %s — contest %s — view %s — log size %,d%n",
                t.unit(), t.unitName(), t.contest(), t.view(), t.logSize());
        System.out.printf(
                "stations reporting out of %,d (denominator: %s)%n",
                d.stations(), d.declared() ? "the election's declared universe" : "the catalogue");
        StringBuilder head = new StringBuilder(
                String.format("%12s  %-19s  %12s  %7s", "log size", "checkpoint (UTC)", "stations", "%"));
        for (var c : t.choices()) head.append(String.format("  %8s", abbreviate(c.id())));
        System.out.println(head);
        for (Timeline.Point p : t.points()) {
            StringBuilder b = new StringBuilder(String.format(
                    "%,12d  %-19s  %,12d  %6.2f%%",
                    p.logSize(),
                    time(p.timeMs()),
                    p.stationsReporting(),
                    d.stations() == 0 ? 0.0 : 100.0 * p.stationsReporting() / d.stations()));
            for (int i = 0; i < t.choices().size(); i++) b.append(String.format("  %7.2f%%", 100 * p.share(i)));
            System.out.println(b);
        }
        System.out.println("arrival of sheets (first copies and corrections):");
        for (Timeline.Arrival a : t.arrivals()) {
            System.out.printf(
                    "  %-20s %,10d sheets  first entry %s (%s)  last entry %s (%s)%n",
                    a.source(),
                    a.sheets(),
                    index(a.firstIndex()),
                    time(a.firstTimeMs()),
                    index(a.lastIndex()),
                    time(a.lastTimeMs()));
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 8 ? s : s.substring(0, 8);
    }

    private static String index(OptionalLong i) {
        return i.isPresent() ? String.format("%,d", i.getAsLong()) : "-";
    }

    private static String time(OptionalLong ms) {
        return ms.isPresent() ? UTC.format(Instant.ofEpochMilli(ms.getAsLong())) : "-";
    }
}

package org.veritally.app;

import java.util.Locale;
import org.veritally.server.asof.CheckpointDiff;
import org.veritally.server.asof.CheckpointDiff.SheetChange;

/**
 * The text form of {@code veritally diff} (without {@code --json}; docs/cli.md): the same facts as the JSON, one
 * line each. Every copy listed says where it came from: a copy agreed by transcription (docs/transcription.md)
 * is marked {@code [transcription]}, as the JSON's {@code entry} says, so that a reader of the text can tell a
 * source's own sheet from a copy its volunteers typed from a photo. Stateless.
 */
final class DiffText {
    /** The mark of a copy that a {@code transcription} entry made. */
    static final String TRANSCRIBED = "[transcription]";

    private DiffText() {}

    /** {@code d} as lines of text, each ending in a newline. */
    static String render(CheckpointDiff d) {
        StringBuilder out = new StringBuilder();
        line(out, "log size %,d -> %,d (view %s)", d.from(), d.to(), d.view());
        long transcribed = d.added().stream().filter(DiffText::transcribed).count();
        line(
                out,
                "copies added %,d (%,d listed, %,d of them by transcription); corrected %,d",
                d.addedCount(),
                d.added().size(),
                transcribed,
                d.correctedCount());
        for (SheetChange c : d.added())
            line(out, "  added #%d %s %s %s%s", c.index(), c.station(), c.contest(), c.source(), mark(c));
        for (SheetChange c : d.corrected())
            line(
                    out,
                    "  corrected #%d %s %s %s%s (supersedes #%d): %s",
                    c.index(),
                    c.station(),
                    c.contest(),
                    c.source(),
                    mark(c),
                    c.supersedes().orElse(-1L),
                    c.reason().orElse(""));
        line(out, "station x contests newly disputed %,d; settled %,d", d.disputedCount(), d.settledCount());
        for (var s : d.newlyDisputed()) line(out, "  disputed %s %s (was %s)", s.station(), s.contest(), s.before());
        for (var s : d.settled()) line(out, "  settled %s %s (now %s)", s.station(), s.contest(), s.after());
        for (var t : d.moved()) {
            line(
                    out,
                    "%s %s, contest %s: stations %,d -> %,d, valid %,d -> %,d",
                    t.unit(),
                    t.unitName(),
                    t.contest(),
                    t.stationsBefore(),
                    t.stationsAfter(),
                    t.validBefore(),
                    t.validAfter());
            for (var c : t.choices())
                line(out, "  %-28s %,12d -> %,12d  (%+,d)", c.name(), c.before(), c.after(), c.delta());
        }
        return out.toString();
    }

    static boolean transcribed(SheetChange c) {
        return "transcription".equals(c.entry());
    }

    private static String mark(SheetChange c) {
        return transcribed(c) ? " " + TRANSCRIBED : "";
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}

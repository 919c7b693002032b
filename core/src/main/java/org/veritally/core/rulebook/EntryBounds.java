package org.veritally.core.rulebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.veritally.core.entry.AnnouncementEntry;
import org.veritally.core.entry.CatalogueEntry;
import org.veritally.core.entry.ElectionEntry;
import org.veritally.core.entry.Entry;
import org.veritally.core.entry.EntryVisitor;
import org.veritally.core.entry.EvidenceEntry;
import org.veritally.core.entry.KeyEntry;
import org.veritally.core.entry.RevocationEntry;
import org.veritally.core.entry.SheetEntry;
import org.veritally.core.entry.SourceEntry;
import org.veritally.core.model.Announcement;
import org.veritally.core.model.Candidate;
import org.veritally.core.model.Choice;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.core.model.Station;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;
import org.veritally.core.model.Unit;
import org.veritally.core.validation.Bounds;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;

/**
 * The {@link Bounds} of every value an entry carries, checked by the {@link Rulebook} before any other
 * rule so the sequencer, the rebuild, the followers and {@code verify} refuse the same entries: IN-MAX
 * (every count: a sheet's votes and summary counts, a station's registered voters, the election's
 * turnout allowance, every figure of an announcement), IN-TEXT (every free text: names, levels, a
 * correction's reason, an announcement's title and time, a key's account, evidence's account and
 * capture time, the format of a machine read, a key and its time, a revocation's account, reason and
 * time) and IN-TIME (an announcement's {@code time}).
 * Identifiers have their own alphabet (IN-ID). The payload a machine read from a photo is kept as read,
 * byte for byte, because it is evidence (docs/validation.md). Stateless.
 */
final class EntryBounds implements EntryVisitor<List<Problem>> {
    private final String where;
    private final List<Problem> out = new ArrayList<>(0);

    private EntryBounds(String where) {
        this.where = where;
    }

    /** Every bound {@code entry} breaks, located under {@code where}; empty when it keeps them all. */
    static List<Problem> check(Entry entry, String where) {
        return entry.accept(new EntryBounds(where));
    }

    private void count(long n, String at) {
        if (n > Bounds.MAX_COUNT) {
            out.add(Problem.mismatch(
                    Rule.IN_MAX,
                    where + " " + at,
                    "a count is at most 10^10 (" + Bounds.MAX_COUNT + "), not " + n,
                    "<= " + Bounds.MAX_COUNT,
                    n));
        }
    }

    private void count(OptionalLong n, String at) {
        if (n.isPresent()) count(n.getAsLong(), at);
    }

    /**
     * IN-TEXT of a value located at {@code before + id + after}: the location is put together only when the text is
     * refused (a catalogue of a million stations otherwise built a million locations that no one reads).
     */
    private void text(String s, String before, String id, String after) {
        if (Bounds.badCharacter(s).isPresent()) text(s, before + id + after);
    }

    private void text(String s, String at) {
        var bad = Bounds.badCharacter(s);
        if (bad.isPresent()) {
            out.add(new Problem(
                    Rule.IN_TEXT,
                    where + " " + at,
                    "character " + Bounds.codePoint(s, bad.getAsInt()) + " at position " + bad.getAsInt()
                            + " is not allowed in text (a control, bidi override or isolate character)"));
        }
    }

    @Override
    public List<Problem> election(ElectionEntry e) {
        Election el = e.election();
        text(el.name(), "name");
        for (int i = 0; i < el.levels().size(); i++) text(el.levels().get(i), "levels[" + i + "]");
        count(el.turnoutAllowance(), "turnoutAllowance");
        for (Contest c : el.contests()) {
            text(c.name(), "contest " + c.id() + " name");
            for (Choice ch : c.choices()) text(ch.name(), "contest " + c.id() + " choice " + ch.id() + " name");
            for (Candidate k : c.candidates()) text(k.name(), "contest " + c.id() + " candidate " + k.id() + " name");
        }
        return out;
    }

    @Override
    public List<Problem> catalogue(CatalogueEntry e) {
        for (Unit u : e.units()) text(u.name(), "unit ", u.id(), " name");
        for (Station s : e.stations()) {
            text(s.name(), "station ", s.id(), " name");
            if (s.registeredVoters() > Bounds.MAX_COUNT)
                count(s.registeredVoters(), "station " + s.id() + " registered");
        }
        return out;
    }

    @Override
    public List<Problem> source(SourceEntry e) {
        text(e.source().name(), "source " + e.source().id() + " name");
        return out;
    }

    @Override
    public List<Problem> key(KeyEntry e) {
        text(e.account(), "account");
        text(e.verifierKey(), "key");
        e.time().ifPresent(t -> text(t, "time"));
        return out;
    }

    @Override
    public List<Problem> revocation(RevocationEntry e) {
        text(e.account(), "account");
        text(e.reason(), "reason");
        text(e.time(), "time");
        return out;
    }

    @Override
    public List<Problem> sheet(SheetEntry e) {
        TallySheet s = e.sheet();
        SummaryCounts k = s.counts();
        count(k.registered(), "counts.registered");
        count(k.ballotsCast(), "counts.ballots");
        count(k.valid(), "counts.valid");
        count(k.nulls(), "counts.null");
        count(k.blank(), "counts.blank");
        // no copy of the votes, and no location unless one is too large
        for (int i = 0; i < s.choiceCount(); i++) {
            if (s.vote(i) > Bounds.MAX_COUNT) count(s.vote(i), "votes[" + i + "]");
        }
        s.correction().ifPresent(c -> text(c.reason(), "reason"));
        return out;
    }

    @Override
    public List<Problem> announcement(AnnouncementEntry e) {
        Announcement a = e.announcement();
        text(a.title(), "title");
        text(a.time(), "time");
        if (!Bounds.time(a.time())) {
            out.add(new Problem(
                    Rule.IN_TIME,
                    where + " time",
                    "not an ISO 8601 time such as 2024-07-29T00:06:00-04:00, 2024-07-29T00:06:00 or 2024-07-29"));
        }
        for (Map.Entry<String, Long> c : a.candidates().entrySet()) count(c.getValue(), "candidates." + c.getKey());
        count(a.others(), "others");
        count(a.registered(), "registered");
        count(a.registeredCounted(), "registeredCounted");
        count(a.ballots(), "ballots");
        count(a.valid(), "valid");
        count(a.nulls(), "null");
        count(a.stationsTotal(), "stationsTotal");
        count(a.coverageStations(), "coverageStations");
        return out;
    }

    @Override
    public List<Problem> evidence(EvidenceEntry e) {
        text(e.evidence().account(), "account");
        e.evidence().captured().ifPresent(c -> text(c, "captured"));
        for (int i = 0; i < e.evidence().reads().size(); i++)
            text(e.evidence().reads().get(i).format(), "reads[" + i + "].format");
        return out;
    }

    @Override
    public List<Problem> transcription(org.veritally.core.entry.TranscriptionWork e) {
        if (e instanceof org.veritally.core.entry.TranscriptionEntry t) {
            text(t.account(), "account");
            sheet(new SheetEntry(t.sheet()));
        } else if (e instanceof org.veritally.core.entry.TranscriptionFlagEntry f) {
            text(f.account(), "account");
        } else if (e instanceof org.veritally.core.entry.TranscriberPauseEntry p) {
            text(p.account(), "account");
            text(p.by(), "by");
            text(p.reason(), "reason");
        } else if (e instanceof org.veritally.core.entry.TranscriptionReportEntry r) {
            text(r.account(), "account");
            text(r.text(), "text");
        }
        return out;
    }

    @Override
    public List<Problem> audit(org.veritally.core.entry.AuditEntry e) {
        if (e.record() instanceof org.veritally.core.audit.AuditDefinition d) text(d.time(), "time");
        if (e.record() instanceof org.veritally.core.audit.SeedReveal r) {
            text(r.seed(), "seed");
            text(r.time(), "time");
        }
        if (e.record() instanceof org.veritally.core.audit.AuditRisk r) text(r.time(), "time");
        if (e.record() instanceof org.veritally.core.audit.HandCount h) {
            text(h.board(), "board");
            text(h.time(), "time");
            for (Map.Entry<String, Long> c : h.counts().entrySet()) count(c.getValue(), "counts." + c.getKey());
            for (Long b : h.ballots().keySet()) count(b, "ballots." + b);
        }
        return out;
    }
}

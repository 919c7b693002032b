package org.veritally.web.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.veritally.core.announce.AnnouncementCheck;
import org.veritally.core.announce.Figure;
import org.veritally.core.model.Announcement;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.core.tabulate.Tabulation;
import org.veritally.server.Instance;
import org.veritally.server.read.ReadAnnouncements;
import org.veritally.server.read.ReadState;
import org.veritally.stats.announced.RoundShare;
import org.veritally.stats.announced.RoundShares;
import org.veritally.stats.announced.RoundSharesResult;
import org.veritally.web.model.AnnouncementReport;
import org.veritally.web.model.AnnouncementsPage;
import org.veritally.web.model.FigureCheck;
import org.veritally.web.model.ViewCheck;

/**
 * Use case: read the announcements page: every announcement in the log (newest first) judged by
 * {@link ReadAnnouncements} in every view that has sheets, the irreversibility of its lead by its own
 * figures, and {@code ST-ROUND} on its counts (candidates and the lump of others, as announced).
 * The authority's own source view is the official view under another name, so it is left out when
 * the official view exists. Figures are labelled for translation here; the core's English
 * explanations are not used (the page builds its sentences from the numbers). Judging reads every
 * sheet of every view, so the page is kept a few seconds ({@link LogBoundCache}). Thread-safe.
 */
public final class AnnouncementsQuery {
    /** How long a page's verdicts may be reused while the log grows (they read every sheet of every view). */
    static final long MAX_AGE_MS = 10_000;

    private final Instance in;
    private final LogBoundCache<String, AnnouncementsPage> kept;

    public AnnouncementsQuery(Instance in) {
        this(in, System::currentTimeMillis);
    }

    AnnouncementsQuery(Instance in, java.util.function.LongSupplier clock) {
        this.in = in;
        this.kept = new LogBoundCache<>(MAX_AGE_MS, clock);
    }

    /** The page, reused while the log has not grown or for {@value #MAX_AGE_MS} ms. */
    public AnnouncementsPage read() {
        return kept.get("", in.state().logSize(), () -> judge(ReadState.live(in), Results.info(in), Results.log(in)));
    }

    /**
     * The page as it stood at an earlier log size (issue 18): the announcements entered before then, each
     * judged against the copies current then (an announcement entered later is not on it). Not kept: the
     * replayed state is ({@link org.veritally.server.asof.StatesAsOf}).
     */
    public AnnouncementsPage read(org.veritally.server.asof.AsOf a) {
        AsOfQuery q = new AsOfQuery(a);
        return judge(ReadState.replayed(a.state(), a.results(), in.store()), q.info(), q.log());
    }

    private static AnnouncementsPage judge(
            ReadState at, org.veritally.web.model.ElectionInfo info, org.veritally.web.model.LogStatus log) {
        Election e = at.state().requireElection();
        Tabulation tab = at.state().tabulation();
        Optional<String> authorityView = tab.authority().map(s -> "source:" + s.id());
        List<AnnouncementReport> out = new ArrayList<>();
        for (var r : new ReadAnnouncements(at.state(), at.copies()).all()) {
            Announcement a = r.announcement();
            Contest c = e.contest(a.contest()).orElseThrow();
            List<ViewCheck> views = new ArrayList<>();
            for (AnnouncementCheck.Result v : r.views()) {
                if (authorityView.equals(Optional.of(v.view()))) continue;
                views.add(view(v, c, tab));
            }
            Optional<AnnouncementReport.LeadCheck> lead = r.lead()
                    .map(l -> new AnnouncementReport.LeadCheck(
                            name(c, l.leader()),
                            name(c, l.runnerUp()),
                            l.margin(),
                            l.unreportedRegistered(),
                            a.registered().isPresent() && a.registeredCounted().isPresent(),
                            l.irreversible()));
            out.add(new AnnouncementReport(
                    r.logIndex(),
                    a.id(),
                    a.title(),
                    a.time(),
                    c.id(),
                    c.name(),
                    a.coverageHundredthsPercent(),
                    a.coverageStations(),
                    a.stationsTotal(),
                    views,
                    lead,
                    round(a, c)));
        }
        out.sort((x, y) -> Long.compare(y.logIndex(), x.logIndex()));
        return new AnnouncementsPage(info, out, log);
    }

    private static ViewCheck view(AnnouncementCheck.Result v, Contest c, Tabulation tab) {
        List<FigureCheck> figures = new ArrayList<>();
        for (Figure f : v.figures()) {
            String key = switch (f.field()) {
                case "valid" -> "field.valid";
                case "null" -> "field.nulls";
                case "ballots" -> "field.ballots";
                case "others" -> "announce.others";
                default -> "";
            };
            figures.add(new FigureCheck(
                    key.isEmpty() ? name(c, f.field()) : key,
                    !key.isEmpty(),
                    f.announced(),
                    f.inHand(),
                    f.low(),
                    f.high(),
                    f.status()));
        }
        String label;
        boolean translated = true;
        if (v.view().equals(Views.OFFICIAL)) label = "view.official";
        else if (v.view().equals(Views.CONSENSUS)) label = "view.consensus";
        else {
            String id = v.view().substring("source:".length());
            int i = tab.sourceIndex(id);
            label = i >= 0 ? tab.sources().get(i).name() : id;
            translated = false;
        }
        return new ViewCheck(
                v.view(),
                label,
                translated,
                v.stationsTotal(),
                v.stationsInHand(),
                v.registeredTotal(),
                v.registeredInHand(),
                v.excludedAtMost(),
                figures,
                v.denominator());
    }

    private static String name(Contest c, String candidateId) {
        int i = c.candidateIndex(candidateId);
        return i >= 0 ? c.candidates().get(i).name() : candidateId;
    }

    /**
     * {@code ST-ROUND} over the announced candidates and others; empty with fewer than two counts or none above zero.
     */
    static Optional<AnnouncementReport.RoundCheck> round(Announcement a, Contest c) {
        List<String> labels = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        a.candidates().forEach((id, n) -> {
            labels.add(id);
            counts.add(n);
        });
        if (a.others().isPresent()) {
            labels.add("");
            counts.add(a.others().getAsLong());
        }
        long total = counts.stream().mapToLong(Long::longValue).sum();
        if (counts.size() < 2 || total <= 0) return Optional.empty();
        RoundSharesResult r = RoundShares.check(
                labels,
                counts.stream().mapToLong(Long::longValue).toArray(),
                RoundShares.DEFAULT_MAX_DECIMALS,
                RoundShares.DEFAULT_ALPHA);
        List<AnnouncementReport.RoundLine> lines = new ArrayList<>();
        for (RoundShare s : r.shares()) {
            boolean others = s.label().isEmpty();
            lines.add(new AnnouncementReport.RoundLine(
                    others ? "announce.others" : name(c, s.label()),
                    others,
                    s.count(),
                    s.exactPercent(),
                    s.roundPercent()));
        }
        return Optional.of(new AnnouncementReport.RoundCheck(r.total(), lines, r.allRound(), r.chance(), r.flagged()));
    }
}

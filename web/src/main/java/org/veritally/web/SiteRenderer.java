package org.veritally.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritally.core.model.Contest;
import org.veritally.core.transcribe.PhotoStatus;
import org.veritally.server.Instance;
import org.veritally.web.i18n.Lang;
import org.veritally.web.link.AsOfLinks;
import org.veritally.web.link.HttpLinks;
import org.veritally.web.link.Links;
import org.veritally.web.link.PageRef;
import org.veritally.web.model.CampaignPage;
import org.veritally.web.model.ChildRow;
import org.veritally.web.model.ChildSort;
import org.veritally.web.model.DiscrepanciesPage;
import org.veritally.web.model.DownloadsPage;
import org.veritally.web.model.ModeratePage;
import org.veritally.web.model.Option;
import org.veritally.web.model.OverviewPage;
import org.veritally.web.model.StationPage;
import org.veritally.web.model.StatisticsPage;
import org.veritally.web.model.TimelinePage;
import org.veritally.web.model.TranscribePage;
import org.veritally.web.model.UnitPage;
import org.veritally.web.model.UploadPage;
import org.veritally.web.page.AnnouncementsHtml;
import org.veritally.web.page.AsOfBanner;
import org.veritally.web.page.AuditHtml;
import org.veritally.web.page.CampaignHtml;
import org.veritally.web.page.DiffHtml;
import org.veritally.web.page.DiscrepanciesHtml;
import org.veritally.web.page.DownloadsHtml;
import org.veritally.web.page.ErrorHtml;
import org.veritally.web.page.ModerateHtml;
import org.veritally.web.page.OverviewHtml;
import org.veritally.web.page.PageContext;
import org.veritally.web.page.SearchHtml;
import org.veritally.web.page.StationHtml;
import org.veritally.web.page.StatisticsHtml;
import org.veritally.web.page.TallyFormHtml;
import org.veritally.web.page.TimelineHtml;
import org.veritally.web.page.TranscribeHtml;
import org.veritally.web.page.UnitHtml;
import org.veritally.web.page.UploadHtml;
import org.veritally.web.query.AnnouncementsQuery;
import org.veritally.web.query.AsOfQuery;
import org.veritally.web.query.AuditQuery;
import org.veritally.web.query.ChildOrder;
import org.veritally.web.query.DiscrepanciesQuery;
import org.veritally.web.query.NotFound;
import org.veritally.web.query.OverviewQuery;
import org.veritally.web.query.PhotoHistories;
import org.veritally.web.query.Results;
import org.veritally.web.query.SearchIndex;
import org.veritally.web.query.StationQuery;
import org.veritally.web.query.StatisticsQuery;
import org.veritally.web.query.TimelineQuery;
import org.veritally.web.query.UnitQuery;

/**
 * Renders any page of the site for a language and a path, without HTTP: reads the view model from
 * the live state, then renders it with a pure function. The live server calls {@link #render(Lang,
 * String, Map)}; a static-mirror publisher calls {@link #render(Lang, PageRef, Links)} with {@link
 * org.veritally.web.link.MirrorLinks} and writes the result to {@code MirrorLinks.file(ref)}.
 * Unknown subjects give a friendly 404 page, never an exception. The statistics and announcements
 * pages keep their results between renders for a few seconds ({@link StatisticsQuery}, {@link
 * AnnouncementsQuery}), so one renderer should serve a site.
 * Thread-safe.
 */
public final class SiteRenderer {
    private final Instance in;
    private final Assets assets;
    private final Links http = new HttpLinks();
    private final SearchIndex search;
    private final StatisticsQuery statistics;
    private final AnnouncementsQuery announcements;
    private final org.veritally.web.feed.FeedQuery feed;

    public SiteRenderer(Instance in, Assets assets) {
        this.in = in;
        this.assets = assets;
        this.search = new SearchIndex(in);
        this.statistics = new StatisticsQuery(in);
        this.announcements = new AnnouncementsQuery(in);
        this.feed =
                new org.veritally.web.feed.FeedQuery(in, announcements, org.veritally.web.feed.FeedQuery.DEFAULT_LIMIT);
    }

    /**
     * The Atom feed in {@code lang} (docs/api.md, "Atom feed"), linking with {@code links}, whose own address
     * is {@code self}.
     */
    public byte[] feed(Lang lang, Links links, String self) {
        return feed.render(lang, links, self);
    }

    /**
     * {@link Route#parse}, with one page that needs the election: {@code timeline} without a unit is the root
     * unit's, the whole election's (as {@code /api/timeline} without {@code unit}).
     */
    private Optional<PageRef> route(String path, Map<String, String> query) {
        int from = path.startsWith("/") ? 1 : 0;
        int to = path.endsWith("/") && path.length() > from ? path.length() - 1 : path.length();
        var election = in.state().election();
        if (path.startsWith("timeline", from) && to - from == 8 && election.isPresent())
            return Route.parse("timeline/" + election.get().rootUnitId(), query);
        return Route.parse(path, query);
    }

    /** The page at {@code /{lang}/{path}?{query}} on the live site. */
    public RenderedPage render(Lang lang, String path, Map<String, String> query) {
        Optional<PageRef> ref = route(path, query);
        if (ref.isEmpty())
            return notFound(
                    PageContext.of(lang, http, PageRef.home(), assets.names()),
                    "notfound.page",
                    "/" + lang.code() + "/" + path);
        return render(lang, ref.get(), http);
    }

    /**
     * The page at {@code /{lang}/at/{n}/{path}?{query}}: the overview, a unit, a station, the disputed
     * stations, the announcements or the statistics as they stood when the log had {@code n} entries (issue
     * 18), with a note naming the checkpoint it rests on and linking to
     * the latest page. Any other page, or a size the log never had, is a 404.
     */
    public RenderedPage renderAt(Lang lang, long n, String path, Map<String, String> query) {
        PageContext home = PageContext.of(lang, http, PageRef.home(), assets.names());
        Optional<PageRef> ref = route(path, query);
        if (ref.isEmpty() || !AsOfLinks.kept(ref.get().kind()))
            return notFound(home, "notfound.page", "/" + lang.code() + "/at/" + n + "/" + path);
        if (ref.get().kind() == PageRef.Kind.TIMELINE) return timelineAt(lang, n, ref.get());
        org.veritally.server.asof.AsOf a;
        try {
            a = in.asOf().at(n);
        } catch (org.veritally.server.read.UsageProblem e) {
            return notFound(home, "notfound.asof", Long.toString(n));
        }
        if (a.state().election().isEmpty() || a.state().tabulation().sources().isEmpty())
            return notFound(home, "notfound.asof", Long.toString(n));
        Links links = new AsOfLinks(http, n);
        PageRef r = ref.get();
        AsOfQuery q = new AsOfQuery(a);
        try {
            PageRef self;
            String html;
            switch (r.kind()) {
                case OVERVIEW -> {
                    OverviewPage p = q.overview(r.view());
                    self = r.view().isPresent() ? PageRef.overview(p.view()) : r;
                    html = OverviewHtml.render(p, PageContext.of(lang, links, self, assets.names()));
                }
                case UNIT -> {
                    ChildSort sort = ChildSort.parse(r.sort().orElse(""));
                    UnitPage p = q.unit(r.id(), r.contest(), r.view(), sort, lang);
                    self = PageRef.unit(
                                    r.id(), p.result().contestId(), p.result().view())
                            .sorted(sort.wire(), sort.isDefault());
                    html = UnitHtml.render(p, PageContext.of(lang, links, self, assets.names()));
                }
                case DISCREPANCIES -> {
                    DiscrepanciesPage p = new DiscrepanciesQuery(in).read(a, r.param("unit"), r.param("source"));
                    self = PageRef.discrepancies(p.unit(), p.source());
                    html = DiscrepanciesHtml.render(p, PageContext.of(lang, links, self, assets.names()));
                }
                case ANNOUNCEMENTS -> {
                    self = r;
                    html = AnnouncementsHtml.render(
                            announcements.read(a), PageContext.of(lang, links, self, assets.names()));
                }
                case STATISTICS -> {
                    StatisticsPage p = statistics.read(a, r.contest(), r.view(), r.param("seed"), r.param("size"));
                    self = statisticsSelf(r, p);
                    html = StatisticsHtml.render(p, PageContext.of(lang, links, self, assets.names()));
                }
                default -> {
                    self = r;
                    html = StationHtml.render(
                            new StationQuery(in).read(r.id(), a), PageContext.of(lang, links, self, assets.names()));
                }
            }
            PageContext c = PageContext.of(lang, links, self, assets.names());
            return new RenderedPage(200, AsOfBanner.insert(html, a, c, http.page(lang, self)), false);
        } catch (NotFound e) {
            return notFound(PageContext.of(lang, links, r, assets.names()), e.messageKey(), e.value());
        }
    }

    /**
     * The page at {@code /{lang}/diff?from=N&to=M&view=V}: what changed between two log sizes (issue 18;
     * {@code to} defaults to the log's size), lists cut at {@value #DIFF_LIMIT}. A size the log never had
     * is a 404 naming {@code RD-AT}.
     */
    public RenderedPage renderDiff(Lang lang, Map<String, String> query) {
        PageContext c = PageContext.of(lang, http, PageRef.home(), assets.names());
        if (in.state().election().isEmpty()) return render(lang, PageRef.home(), http);
        try {
            long from = org.veritally.server.asof.StatesAsOf.parse("from", query.getOrDefault("from", ""));
            long to = query.containsKey("to")
                    ? org.veritally.server.asof.StatesAsOf.parse("to", query.get("to"))
                    : in.store().logSize();
            Optional<String> view = Optional.ofNullable(query.get("view")).filter(v -> !v.isBlank());
            var d = in.diff().diff(from, to, view, DIFF_LIMIT);
            // the language switcher keeps this diff: the same sizes and view, not the overview
            PageContext self = PageContext.of(lang, http, PageRef.diff(from, to, view), assets.names());
            return new RenderedPage(
                    200, DiffHtml.render(d, in.state().requireElection().name(), self), false);
        } catch (org.veritally.server.read.UsageProblem e) {
            return notFound(c, "notfound.diff", e.rule().id() + ": " + e.getMessage());
        }
    }

    /** How many of each kind of change the diff page lists. */
    static final int DIFF_LIMIT = 200;

    /** The page {@code ref} in {@code lang}, linking with {@code links}. */
    public RenderedPage render(Lang lang, PageRef ref, Links links) {
        PageContext c = PageContext.of(lang, links, ref, assets.names());
        if (in.state().election().isEmpty()) {
            return new RenderedPage(
                    503,
                    ErrorHtml.render(
                            c,
                            "error.noelection",
                            c.t("error.noelection.text"),
                            in.state().logSize()),
                    false);
        }
        boolean needsView = ref.kind() == PageRef.Kind.OVERVIEW
                || ref.kind() == PageRef.Kind.UNIT
                || ref.kind() == PageRef.Kind.STATISTICS
                || ref.kind() == PageRef.Kind.TIMELINE;
        if (needsView && in.state().tabulation().sources().isEmpty()) {
            return new RenderedPage(
                    503,
                    ErrorHtml.render(
                            c,
                            "error.nosources",
                            c.t("error.nosources.text"),
                            in.state().logSize()),
                    false);
        }
        try {
            return switch (ref.kind()) {
                case OVERVIEW -> overview(lang, ref, links);
                case UNIT -> unit(lang, ref, links);
                case STATION ->
                    new RenderedPage(
                            200,
                            StationHtml.render(
                                    new StationQuery(in).read(ref.id()), c, PhotoHistories.ofStation(in, ref.id())),
                            false);
                case SEARCH ->
                    new RenderedPage(
                            200, SearchHtml.render(search.search(ref.query().orElse("")), c), false);
                case DOWNLOADS ->
                    new RenderedPage(
                            200, DownloadsHtml.render(new DownloadsPage(Results.info(in), databaseBytes()), c), false);
                case DISCREPANCIES -> discrepancies(lang, ref, links);
                case ANNOUNCEMENTS -> new RenderedPage(200, AnnouncementsHtml.render(announcements.read(), c), false);
                case STATISTICS -> statistics(lang, ref, links);
                case UPLOAD -> upload(lang, "", Optional.empty(), new UploadPage.Blank(), 200);
                case TRANSCRIBE -> transcribe(lang, new TranscribePage.SignIn(), Optional.empty(), List.of(), 200);
                case MODERATE -> moderate(lang, false, Optional.empty(), List.of(), "", Map.of(), 200);
                case CAMPAIGN -> campaign(lang, c);
                case TIMELINE -> timeline(ref, c);
                case AUDITS -> new RenderedPage(200, AuditHtml.index(new AuditQuery(in).list(), c), false);
                case AUDIT -> new RenderedPage(200, AuditHtml.render(new AuditQuery(in).one(ref.id()), c), false);
                case AUDIT_FORM ->
                    new RenderedPage(
                            200,
                            TallyFormHtml.render(
                                    new AuditQuery(in)
                                            .form(ref.id(), ref.param("station").orElseThrow()),
                                    c),
                            false);
                case DIFF -> renderDiff(lang, ref.params());
            };
        } catch (NotFound e) {
            return notFound(c, e.messageKey(), e.value());
        }
    }

    /**
     * The page {@code ref} in each of {@code langs} (same order), linking with {@code links}: for a
     * static mirror, which writes every page in every language. A unit's or station's figures are read
     * once for all the languages (a unit's children are then sorted for each language), so this is
     * cheaper than one {@link #render(Lang, PageRef, Links)} per language; the pages are the same.
     */
    public List<RenderedPage> renderEach(PageRef ref, List<Lang> langs, Links links) {
        if (langs.isEmpty()) return List.of();
        boolean ready = in.state().election().isPresent()
                && !in.state().tabulation().sources().isEmpty();
        if (!ready || (ref.kind() != PageRef.Kind.UNIT && ref.kind() != PageRef.Kind.STATION)) {
            return langs.stream().map(l -> render(l, ref, links)).toList();
        }
        List<RenderedPage> out = new ArrayList<>(langs.size());
        try {
            if (ref.kind() == PageRef.Kind.STATION) {
                StationPage p = new StationQuery(in).read(ref.id());
                var transcribed = PhotoHistories.ofStation(in, ref.id());
                for (Lang l : langs)
                    out.add(new RenderedPage(
                            200,
                            StationHtml.render(p, PageContext.of(l, links, ref, assets.names()), transcribed),
                            false));
                return out;
            }
            ChildSort sort = ChildSort.parse(ref.sort().orElse(""));
            UnitPage first = new UnitQuery(in).read(ref.id(), ref.contest(), ref.view(), sort, langs.get(0));
            PageRef self = PageRef.unit(
                            ref.id(), first.result().contestId(), first.result().view())
                    .sorted(sort.wire(), sort.isDefault());
            for (Lang l : langs) {
                UnitPage p = first;
                if (l != langs.get(0)) {
                    List<ChildRow> children = new ArrayList<>(first.children());
                    children.sort(ChildOrder.of(sort, first.columns(), l.locale()));
                    p = new UnitPage(
                            first.election(),
                            first.ancestry(),
                            first.unit(),
                            first.contests(),
                            first.views(),
                            first.result(),
                            first.childLevel(),
                            first.columns(),
                            children,
                            first.sort(),
                            first.stations());
                }
                out.add(new RenderedPage(
                        200, UnitHtml.render(p, PageContext.of(l, links, self, assets.names())), true));
            }
            return out;
        } catch (NotFound e) {
            return langs.stream().map(l -> render(l, ref, links)).toList();
        }
    }

    /**
     * A static mirror's downloads page: the mirror's files (with their sizes), the size of the
     * checkpoint they were made at, and the database file's size when the mirror carries it.
     */
    public RenderedPage mirrorDownloads(
            Lang lang, Links links, List<DownloadsPage.MirrorFile> files, long checkpointSize, Optional<Long> dbBytes) {
        PageRef ref = PageRef.downloads();
        PageContext c = PageContext.of(lang, links, ref, assets.names());
        if (in.state().election().isEmpty()) return render(lang, ref, links);
        return new RenderedPage(
                200,
                DownloadsHtml.render(new DownloadsPage(Results.info(in), dbBytes, files, checkpointSize), c),
                false);
    }

    /**
     * The upload page on the live site: the form (filled with {@code station} and {@code contest}) and
     * what the last sending came to, answered with {@code status}. A 503 page when no election is
     * defined yet.
     */
    public RenderedPage upload(
            Lang lang, String station, Optional<String> contest, UploadPage.Outcome outcome, int status) {
        PageContext c = PageContext.of(lang, http, PageRef.upload(), assets.names());
        if (in.state().election().isEmpty()) return render(lang, PageRef.upload(), http);
        List<Option> contests = new ArrayList<>();
        for (Contest k : in.state().requireElection().contests())
            contests.add(new Option(
                    k.id(), k.name(), false, contest.filter(k.id()::equals).isPresent()));
        UploadPage p = new UploadPage(Results.info(in), contests, station, outcome);
        return new RenderedPage(status, UploadHtml.render(p, c), false);
    }

    /**
     * The transcription page on the live site: {@code state} (sign-in, a task, or why there is none), the
     * index of the work just recorded, and the problems of the last sending, answered with {@code status}.
     */
    public RenderedPage transcribe(
            Lang lang,
            TranscribePage.State state,
            Optional<String> recorded,
            List<UploadPage.Issue> problems,
            int status) {
        return transcribe(lang, state, recorded, problems, status, false);
    }

    /** As above, for an account that may moderate when {@code moderator} (the navigation links its page). */
    public RenderedPage transcribe(
            Lang lang,
            TranscribePage.State state,
            Optional<String> recorded,
            List<UploadPage.Issue> problems,
            int status,
            boolean moderator) {
        PageContext c = PageContext.of(lang, http, PageRef.transcribe(), assets.names());
        if (in.state().election().isEmpty()) return render(lang, PageRef.transcribe(), http);
        var p = new TranscribePage(Results.info(in), state, recorded, problems, moderator);
        return new RenderedPage(status, TranscribeHtml.render(p, c), false);
    }

    /**
     * The moderator's page on the live site: the escalated photos when {@code signedIn}, else the sign-in
     * form; the decision just recorded, and the problems of the last one (with what was typed for {@code
     * typedPhoto}).
     */
    public RenderedPage moderate(
            Lang lang,
            boolean signedIn,
            Optional<String> recorded,
            List<UploadPage.Issue> problems,
            String typedPhoto,
            Map<String, String> typed,
            int status) {
        PageContext c = PageContext.of(lang, http, PageRef.moderate(), assets.names());
        if (in.state().election().isEmpty()) return render(lang, PageRef.moderate(), http);
        var escalated = signedIn ? PhotoHistories.escalated(in) : List.<org.veritally.web.model.PhotoHistory>of();
        var reported = signedIn
                ? PhotoHistories.reported(in).stream()
                        .filter(r -> r.status().equals(PhotoStatus.REPORTED.wire()))
                        .toList()
                : List.<org.veritally.web.model.ReportedPhoto>of();
        List<String> paused = signedIn ? in.state().transcriptions().pausedAccounts() : List.of();
        var p = new ModeratePage(
                Results.info(in), signedIn, escalated, recorded, problems, typedPhoto, typed, reported, paused);
        return new RenderedPage(status, ModerateHtml.render(p, c), false);
    }

    private RenderedPage campaign(Lang lang, PageContext c) {
        var s = in.transcription().status();
        List<Integer> open = new ArrayList<>();
        for (int n : s.openByWork()) open.add(n);
        java.util.TreeSet<String> accounts = new java.util.TreeSet<>(s.peer().keySet());
        accounts.addAll(s.gold().keySet());
        List<CampaignPage.Volunteer> vols = new ArrayList<>();
        for (String a : accounts) {
            int[] peer = s.peer().getOrDefault(a, new int[2]);
            int[] gold = s.gold().getOrDefault(a, new int[2]);
            vols.add(new CampaignPage.Volunteer(
                    a, peer[0], peer[1], gold[0], gold[1], s.paused().contains(a)));
        }
        var by = s.byStatus();
        var p = new CampaignPage(
                Results.info(in),
                s.photos(),
                open,
                by.getOrDefault(PhotoStatus.AGREED, 0),
                by.getOrDefault(PhotoStatus.ESCALATED, 0),
                by.getOrDefault(PhotoStatus.SETTLED, 0),
                by.getOrDefault(PhotoStatus.REJECTED, 0),
                vols,
                PhotoHistories.reported(in));
        return new RenderedPage(200, CampaignHtml.render(p, c), false);
    }

    private RenderedPage overview(Lang lang, PageRef ref, Links links) {
        OverviewPage p = new OverviewQuery(in).read(ref.view());
        PageRef self = ref.view().isPresent() ? PageRef.overview(p.view()) : ref;
        return new RenderedPage(200, OverviewHtml.render(p, PageContext.of(lang, links, self, assets.names())), true);
    }

    private RenderedPage unit(Lang lang, PageRef ref, Links links) {
        ChildSort sort = ChildSort.parse(ref.sort().orElse(""));
        UnitPage p = new UnitQuery(in).read(ref.id(), ref.contest(), ref.view(), sort, lang);
        PageRef self = PageRef.unit(ref.id(), p.result().contestId(), p.result().view())
                .sorted(sort.wire(), sort.isDefault());
        return new RenderedPage(200, UnitHtml.render(p, PageContext.of(lang, links, self, assets.names())), true);
    }

    private RenderedPage discrepancies(Lang lang, PageRef ref, Links links) {
        DiscrepanciesPage p = new DiscrepanciesQuery(in).read(ref.param("unit"), ref.param("source"));
        PageRef self = PageRef.discrepancies(p.unit(), p.source());
        return new RenderedPage(
                200, DiscrepanciesHtml.render(p, PageContext.of(lang, links, self, assets.names())), false);
    }

    private RenderedPage statistics(Lang lang, PageRef ref, Links links) {
        StatisticsPage p = statistics.read(ref.contest(), ref.view(), ref.param("seed"), ref.param("size"));
        PageRef self = statisticsSelf(ref, p);
        return new RenderedPage(
                200, StatisticsHtml.render(p, PageContext.of(lang, links, self, assets.names())), false);
    }

    /** The statistics page's own address: its defaults left out, the quick count asked for kept. */
    private static PageRef statisticsSelf(PageRef ref, StatisticsPage p) {
        boolean defaults = ref.contest().isEmpty() && ref.view().isEmpty();
        PageRef self = defaults
                ? PageRef.statistics(Optional.empty(), Optional.empty())
                : PageRef.statistics(Optional.of(p.contestId()), Optional.of(p.view()));
        return p.quickCount().asked()
                ? self.quickCount(p.quickCount().seed(), p.quickCount().size())
                : self;
    }

    /**
     * The timeline as of log size {@code n}: the live timeline cut at that size, which needs no replayed state of
     * the election (docs/timeline.md), under the note naming the checkpoint it rests on.
     */
    private RenderedPage timelineAt(Lang lang, long n, PageRef ref) {
        PageContext home = PageContext.of(lang, http, PageRef.home(), assets.names());
        if (in.state().election().isEmpty() || in.state().tabulation().sources().isEmpty())
            return notFound(home, "notfound.asof", Long.toString(n));
        org.veritally.server.read.TreeAsOf tree;
        TimelinePage p;
        try {
            tree = org.veritally.server.read.TreeAsOf.of(in.store(), n);
            p = new TimelineQuery(in).read(ref.id(), ref.contest(), ref.view(), java.util.OptionalLong.of(n));
        } catch (org.veritally.server.read.UsageProblem e) {
            return notFound(home, "notfound.asof", Long.toString(n));
        } catch (NotFound e) {
            return notFound(home, e.messageKey(), e.value());
        }
        Links links = new AsOfLinks(http, n);
        PageRef self = PageRef.timeline(
                p.unit().unitId(), p.timeline().contest(), p.timeline().view());
        PageContext c = PageContext.of(lang, links, self, assets.names());
        return new RenderedPage(
                200, AsOfBanner.insert(TimelineHtml.render(p, c), tree, c, http.page(lang, self)), false);
    }

    private RenderedPage timeline(PageRef ref, PageContext c) {
        TimelinePage p = new TimelineQuery(in).read(ref.id(), ref.contest(), ref.view());
        PageRef self = PageRef.timeline(
                p.unit().unitId(), p.timeline().contest(), p.timeline().view());
        return new RenderedPage(
                200,
                TimelineHtml.render(p, new PageContext(c.lang(), c.words(), c.numbers(), c.links(), self, c.assets())),
                false);
    }

    private RenderedPage notFound(PageContext c, String key, String value) {
        String text = c.words().format(key, value);
        return new RenderedPage(
                404, ErrorHtml.render(c, "error.notfound", text, in.state().logSize()), false);
    }

    /** The size of the SQLite file in the data directory, when it exists. */
    Optional<Long> databaseBytes() {
        Path db = in.dir().resolve(Instance.DB_FILE);
        try {
            return Files.isRegularFile(db) ? Optional.of(Files.size(db)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public Assets assets() {
        return assets;
    }
}

package org.veritally.web.feed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.veritally.server.Instance;
import org.veritally.store.CheckpointQueries;
import org.veritally.store.ProjectionQueries;
import org.veritally.web.i18n.Lang;
import org.veritally.web.i18n.Messages;
import org.veritally.web.i18n.Numbers;
import org.veritally.web.link.Links;
import org.veritally.web.link.PageRef;
import org.veritally.web.model.AnnouncementReport;
import org.veritally.web.model.ViewCheck;
import org.veritally.web.query.AnnouncementsQuery;

/**
 * The Atom feed's content at the current log: the latest {@code limit} signed checkpoints, every
 * announcement with its verdicts (from {@link AnnouncementsQuery}, whose kept result it shares with the
 * announcements page), and the {@code limit} disputed stations whose latest copy came last; merged newest
 * first and cut to {@code limit} entries. Reads are bounded: one indexed range each for checkpoints and
 * disputed stations, one checkpoint lookup per entry. Thread-safe.
 *
 * <p>Times come from the checkpoints only (RFC 4287 §4.2.15: the publisher says what is significant): an
 * item's {@code published} is the time of the first checkpoint whose tree holds its log entry; its {@code
 * updated} is the same, except an announcement's, which is the latest checkpoint's, because its verdict is
 * recomputed against the sheets under that checkpoint. A disputed station is a new item when a later copy
 * keeps it disputed (its key names that copy's index); a station settled since is no longer listed.
 */
public final class FeedQuery {
    /** How many entries a feed holds at most. */
    public static final int DEFAULT_LIMIT = 50;

    private final Instance in;
    private final AnnouncementsQuery announcements;
    private final int limit;

    public FeedQuery(Instance in, AnnouncementsQuery announcements, int limit) {
        if (limit < 1) throw new IllegalArgumentException("feed limit < 1");
        this.in = in;
        this.announcements = announcements;
        this.limit = limit;
    }

    /** The feed document in {@code lang}, its links made by {@code links}, its own address {@code self}. */
    public byte[] render(Lang lang, Links links, String self) {
        Messages m = Messages.of(lang);
        Numbers n = new Numbers(lang);
        var checkpoints = new CheckpointQueries(in.store());
        List<CheckpointQueries.Checkpoint> recent = checkpoints.recent(limit);
        String electionName = in.state().election().map(e -> e.name()).orElse("Veritally");
        String origin = recent.isEmpty()
                ? "veritally/" + electionId()
                : originOf(recent.get(0).note());
        Instant latest = recent.isEmpty()
                ? Instant.EPOCH
                : Instant.ofEpochMilli(recent.get(0).createdMs());
        List<FeedItem> items = new ArrayList<>();
        String home = links.page(lang, PageRef.home());
        for (var c : recent) {
            Instant t = Instant.ofEpochMilli(c.createdMs());
            items.add(new FeedItem(
                    "checkpoint/" + c.treeSize(),
                    "checkpoint",
                    t,
                    t,
                    m.format("feed.checkpoint.title", n.count(c.treeSize())),
                    m.format("feed.checkpoint.summary", n.count(c.treeSize()), rootOf(c.note())),
                    home));
        }
        if (in.state().election().isPresent() && !recent.isEmpty()) {
            long size = recent.get(0).treeSize();
            for (AnnouncementReport a : announcements.read().announcements()) {
                Optional<Instant> first = covering(checkpoints, a.logIndex());
                if (first.isEmpty()) continue; // not yet under a signed checkpoint
                items.add(new FeedItem(
                        "announcement/" + a.id(),
                        "announcement",
                        latest,
                        first.get(),
                        m.format("feed.announcement.title", a.title()),
                        verdict(m, n, a, size),
                        links.page(lang, PageRef.announcements())));
            }
            List<ProjectionQueries.DisputedRow> disputed = new ArrayList<>();
            new ProjectionQueries(in.store()).latestDisputed(limit, disputed::add);
            for (var d : disputed) {
                Optional<Instant> first = covering(checkpoints, d.latestEntry());
                if (first.isEmpty()) continue;
                items.add(new FeedItem(
                        "disputed/" + d.station() + "/" + d.contest() + "/" + d.latestEntry(),
                        "disputed",
                        first.get(),
                        first.get(),
                        m.format("feed.disputed.title", d.station(), d.contest()),
                        m.format("feed.disputed.summary", d.station(), d.contest(), n.count(d.latestEntry())),
                        links.page(lang, PageRef.station(d.station()))));
            }
        }
        items.sort(Comparator.comparing(FeedItem::updated)
                .reversed()
                .thenComparing(Comparator.comparing(FeedItem::published).reversed())
                .thenComparing(FeedItem::key));
        List<FeedItem> kept = items.subList(0, Math.min(limit, items.size()));
        return AtomFeed.write(
                origin, lang.code(), m.format("feed.title", electionName), self, home, latest, List.copyOf(kept));
    }

    private String electionId() {
        return in.state().election().map(e -> e.id()).orElse("none");
    }

    private static Optional<Instant> covering(CheckpointQueries q, long index) {
        return q.firstCovering(index).map(c -> Instant.ofEpochMilli(c.createdMs()));
    }

    private static String verdict(Messages m, Numbers n, AnnouncementReport a, long size) {
        long views = a.views().stream().filter(ViewCheck::checkable).count();
        long against = a.views().stream().filter(v -> v.contradicted() > 0).count();
        if (views == 0) return m.format("feed.announcement.none", n.count(size));
        if (against == 0) return m.format("feed.announcement.ok", n.count(views), n.count(size));
        return m.format("feed.announcement.bad", n.count(against), n.count(views), n.count(size));
    }

    /** The checkpoint note's first line: the log's origin (C2SP tlog-checkpoint). */
    static String originOf(String note) {
        int nl = note.indexOf('\n');
        return nl < 0 ? note : note.substring(0, nl);
    }

    /** The checkpoint note's third line: the tree's root hash, base64. */
    static String rootOf(String note) {
        String[] lines = new String(note.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).split("\n", 4);
        return lines.length >= 3 ? lines[2] : "";
    }
}

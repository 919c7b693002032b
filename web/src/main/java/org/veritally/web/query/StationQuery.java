package org.veritally.web.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.veritally.core.model.Catalogue;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.core.model.Source;
import org.veritally.core.model.Station;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;
import org.veritally.core.reconcile.ConsensusPolicy;
import org.veritally.core.reconcile.Copy;
import org.veritally.server.Instance;
import org.veritally.store.StoredSheet;
import org.veritally.web.model.ContestCopies;
import org.veritally.web.model.FieldRow;
import org.veritally.web.model.SheetCopy;
import org.veritally.web.model.SheetVersion;
import org.veritally.web.model.StationPage;

/**
 * Use case: read one station's page: every source's current copy of each contest's sheet, side by
 * side, with the differing fields marked, the status computed from the copies ({@link Copies}), the
 * copy the live reconciliation counts in the consensus view, and every earlier version of a
 * corrected copy ({@link SheetHistory}). Copies are in the order the sources were declared.
 *
 * <p>Evidence: the photos filed for the station ({@link StationPhotos}), in log order. A copy's
 * external image link: no importer keeps one yet (the Venezuelan file's {@code URL} column is
 * dropped on import), so copies carry none; the page shows a link as soon as the data has one.
 * Thread-safe (reads only).
 */
public final class StationQuery {
    /** Message keys of the summary counts, in the order of {@link #fields}. */
    static final List<String> COUNT_KEYS =
            List.of("field.registered", "field.ballots", "field.valid", "field.nulls", "field.blank");
    /** The same fields as the mirror's figures name them. */
    static final List<String> COUNT_FIELDS = List.of("registered", "ballots", "valid", "null", "blank");

    private final Instance in;

    public StationQuery(Instance in) {
        this.in = in;
    }

    public StationPage read(String stationId) {
        Catalogue cat = in.state().catalogue();
        Station st = cat.station(stationId).orElseThrow(() -> new NotFound("notfound.station", stationId));
        return read(
                in.state(),
                st,
                in.store().sheetsOfStation(stationId),
                Results.info(in),
                Results.log(in),
                UnitQuery.ancestry(in, cat.unitOfStation(cat.stationIndex(stationId))),
                Long.MAX_VALUE);
    }

    /**
     * The station's page as it stood at log size {@code a.size()} (issue 18): the copies current then
     * (read from the log by the indices the replayed state holds), their history up to then, the consensus
     * copy of the replayed reconciliation, and the photos filed before then.
     */
    public StationPage read(String stationId, org.veritally.server.asof.AsOf a) {
        var state = a.state();
        Catalogue cat = state.catalogue();
        Station st = cat.station(stationId).orElseThrow(() -> new NotFound("notfound.station", stationId));
        int s = cat.stationIndex(stationId);
        Election e = state.requireElection();
        List<Source> sources = state.tabulation().sources();
        List<StoredSheet> sheets = new ArrayList<>();
        var log = new org.veritally.store.LogQueries(in.store());
        for (int c = 0; c < e.contests().size(); c++)
            for (int src = 0; src < sources.size(); src++) {
                long idx = state.sheets().get(org.veritally.core.reconcile.CopyKey.of(s, c, src));
                if (idx < 0) continue;
                List<org.veritally.core.validation.Problem> problems = new ArrayList<>();
                var sheet = log.body(idx, "sheet")
                        .flatMap(b -> state.codec().decode(b, "log #" + idx, problems))
                        .map(x -> ((org.veritally.core.entry.SheetEntry) x).sheet())
                        .orElseThrow(() -> new IllegalStateException("log entry " + idx + " is not a sheet"));
                sheets.add(new StoredSheet(
                        sheet.stationId(), sheet.contestId(), sheet.sourceId(), idx, sheet.counts(), sheet.votes()));
            }
        var info = new org.veritally.web.model.ElectionInfo(
                e.id(), e.name(), e.rootUnitId(), cat.stationCount(), cat.unitCount(), a.size());
        var status = new org.veritally.web.model.LogStatus(
                a.size(), a.checkpoint().filter(k -> k.treeSize() == a.size()).map(k -> k.treeSize()));
        int parent = cat.unitOfStation(s);
        List<org.veritally.web.model.Crumb> ancestry = new ArrayList<>();
        int[] up = cat.ancestry(parent);
        for (int i = up.length - 1; i >= 0; i--) ancestry.add(UnitQuery.crumb(e, cat.unit(up[i])));
        return read(state, st, sheets, info, status, ancestry, a.size());
    }

    private StationPage read(
            org.veritally.server.state.ElectionState state,
            Station st,
            List<StoredSheet> sheets,
            org.veritally.web.model.ElectionInfo info,
            org.veritally.web.model.LogStatus log,
            List<org.veritally.web.model.Crumb> ancestry,
            long before) {
        Election e = state.requireElection();
        int stationIdx = state.catalogue().stationIndex(st.id());
        List<Source> sources = state.tabulation().sources();
        SheetHistory history = new SheetHistory(in);
        List<ContestCopies> contests = new ArrayList<>();
        for (int ci = 0; ci < e.contests().size(); ci++) {
            long consensus = state.reconciliation().consensusEntry(stationIdx, ci);
            contests.add(contest(e.contests().get(ci), sheets, sources, e.consensus(), consensus, history));
        }
        String view = Views.defaultView(state.tabulation()).orElse(Views.OFFICIAL);
        java.util.Set<String> withSheet = new java.util.HashSet<>();
        for (StoredSheet s : sheets) {
            withSheet.add(StationPhotos.key(s.source(), Optional.of(s.contest())));
            withSheet.add(StationPhotos.key(s.source(), Optional.empty()));
        }
        var photos = new StationPhotos(in)
                .read(st.id(), withSheet).stream()
                        .filter(p -> p.logIndex() < before)
                        .toList();
        return new StationPage(info, ancestry, view, st.id(), st.name(), st.registeredVoters(), contests, log, photos);
    }

    private static ContestCopies contest(
            Contest c,
            List<StoredSheet> sheets,
            List<Source> sources,
            ConsensusPolicy policy,
            long consensus,
            SheetHistory history) {
        List<StoredSheet> mine = new ArrayList<>();
        List<SheetCopy> copies = new ArrayList<>();
        List<Copy> digests = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<SheetVersion> versions = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            Source s = sources.get(i);
            var sheet = sheets.stream()
                    .filter(x -> x.contest().equals(c.id()) && x.source().equals(s.id()))
                    .findFirst();
            if (sheet.isEmpty()) {
                missing.add(s.name());
                continue;
            }
            long idx = sheet.get().entryIdx();
            mine.add(sheet.get());
            digests.add(copy(i, sheet.get()));
            copies.add(new SheetCopy(s.id(), s.name(), s.kind().wire(), idx, idx == consensus, Optional.empty()));
            List<SheetVersion> chain = history.versions(s.name(), idx, c);
            if (chain.size() > 1) versions.addAll(chain);
        }
        return new ContestCopies(
                c.id(), c.name(), Copies.status(digests, policy), copies, rows(c, mine), missing, versions);
    }

    /** One row per field (summary counts, then ballot lines) across the given copies, differing values marked. */
    static List<FieldRow> rows(Contest c, List<StoredSheet> copies) {
        List<long[]> values = new ArrayList<>();
        for (StoredSheet s : copies) values.add(fields(s.counts(), s.votes()));
        List<FieldRow> rows = new ArrayList<>();
        int n = COUNT_KEYS.size() + c.choices().size();
        for (int f = 0; f < n; f++) {
            List<OptionalLong> vs = new ArrayList<>(values.size());
            for (long[] v : values)
                vs.add(f >= v.length || v[f] == SummaryCounts.ABSENT ? OptionalLong.empty() : OptionalLong.of(v[f]));
            boolean count = f < COUNT_KEYS.size();
            String label = count
                    ? COUNT_KEYS.get(f)
                    : c.choices().get(f - COUNT_KEYS.size()).name();
            String field = count
                    ? COUNT_FIELDS.get(f)
                    : "line:" + c.choices().get(f - COUNT_KEYS.size()).id();
            rows.add(new FieldRow(field, label, count, vs, Copies.differs(vs)));
        }
        return rows;
    }

    /** A stored copy as reconciliation sees it. */
    static Copy copy(int sourceIndex, StoredSheet s) {
        return Copies.copy(
                sourceIndex, s.entryIdx(), new TallySheet(s.station(), s.contest(), s.source(), s.counts(), s.votes()));
    }

    /** A sheet's fields in display order: registered, ballots cast, valid, null, blank, then the votes. */
    static long[] fields(SummaryCounts k, long[] votes) {
        long[] out = new long[COUNT_KEYS.size() + votes.length];
        out[0] = k.registered();
        out[1] = k.ballotsCast();
        out[2] = k.valid();
        out[3] = k.nulls();
        out[4] = k.blank();
        System.arraycopy(votes, 0, out, COUNT_KEYS.size(), votes.length);
        return out;
    }
}

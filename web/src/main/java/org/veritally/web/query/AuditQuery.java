package org.veritally.web.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.veritally.core.model.Catalogue;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.core.rulebook.AuditBook;
import org.veritally.server.Instance;
import org.veritally.server.intake.AuditStatus;
import org.veritally.web.model.AuditPage;
import org.veritally.web.model.AuditsPage;
import org.veritally.web.model.TallyForm;

/**
 * Reads the audit pages' models from the live state (docs/audit.md): where each audit stands, as the API and the
 * CLI say ({@link org.veritally.server.intake.RecordAudit#status}), with the names the pages show. An unknown
 * audit or station is a {@link NotFound}. Stateless; thread-safe.
 */
public final class AuditQuery {
    private final Instance in;

    public AuditQuery(Instance in) {
        this.in = in;
    }

    /** Every audit, in the order defined. */
    public AuditsPage list() {
        Election e = in.state().requireElection();
        Map<String, String> names = new HashMap<>();
        for (Contest c : e.contests()) names.put(c.id(), c.name());
        return new AuditsPage(Results.info(in), in.auditRecorder().statuses(), names);
    }

    /** Audit {@code id}. */
    public AuditPage one(String id) {
        AuditStatus s = status(id);
        Contest contest = contest(s);
        Catalogue cat = in.state().catalogue();
        List<String> uncounted = new ArrayList<>();
        int total = 0;
        if (s.fullCount().isPresent()) {
            Set<String> counted = new HashSet<>();
            for (AuditBook.Counted k :
                    in.state().audits().audit(id).orElseThrow().counts())
                if (!k.count().counts().isEmpty()) counted.add(k.count().station());
            // the stations the audit audits: the catalogue's when its seed was revealed
            int stations = cat.stationCount()
                    - s.reported().map(AuditStatus.Reported::added).orElse(0);
            for (int i = 0; i < stations; i++) {
                String st = cat.station(i).id();
                if (counted.contains(st)) continue;
                total++;
                if (uncounted.size() < AuditPage.LISTED) uncounted.add(st);
            }
        }
        Map<String, String> names = new HashMap<>();
        List<String> listed = new ArrayList<>(uncounted);
        s.current().ifPresent(c -> c.stations().forEach(x -> listed.add(x.station())));
        for (String st : listed) {
            int i = cat.stationIndex(st);
            if (i >= 0) names.put(st, cat.station(i).name());
        }
        return new AuditPage(Results.info(in), s, contest.name(), contest.choices(), names, uncounted, total);
    }

    /**
     * The tally form of {@code station} for audit {@code id}: any station of the catalogue (a full hand count
     * counts them all); for a BRAVO round being counted, the station's drawn ballots.
     */
    public TallyForm form(String id, String station) {
        AuditStatus s = status(id);
        Contest contest = contest(s);
        Catalogue cat = in.state().catalogue();
        int i = cat.stationIndex(station);
        if (i < 0) throw new NotFound("notfound.station", station);
        var st = cat.station(i);
        int round =
                s.current().map(AuditStatus.Current::round).orElse(s.fullCount().isPresent() ? 0 : 1);
        List<Long> ballots = s.current()
                .flatMap(c -> c.stations().stream()
                        .filter(x -> x.station().equals(station))
                        .findFirst())
                .map(AuditStatus.Station::ballots)
                .orElse(List.of());
        String unit = cat.unit(cat.unitOfStation(i)).name();
        return new TallyForm(
                Results.info(in), s, contest.name(), contest.choices(), station, st.name(), unit, round, ballots);
    }

    private AuditStatus status(String id) {
        return in.auditRecorder().status(id).orElseThrow(() -> new NotFound("notfound.audit", id));
    }

    private Contest contest(AuditStatus s) {
        return in.state().requireElection().contest(s.contest()).orElseThrow();
    }
}

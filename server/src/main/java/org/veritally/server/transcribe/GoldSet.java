package org.veritally.server.transcribe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritally.core.model.TallySheet;
import org.veritally.core.transcribe.PhotoKey;
import org.veritally.core.transcribe.TranscriptionRule;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;
import org.veritally.formats.canonical.CanonicalJson;
import org.veritally.formats.canonical.JsonTree;
import org.veritally.server.state.ElectionState;

/**
 * A campaign's gold photos (docs/transcription.md#gold-tasks-and-pauses), as an administrator gives them
 * ({@code POST /api/campaign/gold}) and the data directory keeps them ({@value #FILE}, never served):
 * {@code {"goldEvery": 20, "goldMinimum": 5, "pauseBelowPercent": 60, "photos": [figures, …]}}, each
 * of the photos a sheet in the API form with {@code evidence}, the photo whose figures are known (as a
 * transcription is typed, {@link FiguresBody}). The rates are optional (the defaults of {@link
 * CampaignConfig}). A photo must be filed as evidence of the sheet's station by its source (TR-PHOTO).
 * Immutable.
 */
public record GoldSet(CampaignConfig config, Map<PhotoKey, TallySheet> photos) {
    public static final String FILE = "transcription-gold.json";

    public GoldSet {
        photos = Map.copyOf(photos);
    }

    /** No gold photos, the default rates. */
    public static final GoldSet NONE = new GoldSet(CampaignConfig.DEFAULT, Map.of());

    /** The gold set of {@code body}, or empty with every problem (rule ID and JSON path). */
    public static Optional<GoldSet> read(ElectionState state, byte[] body, List<Problem> problems) {
        int before = problems.size();
        Object tree;
        try {
            tree = JsonTree.parse(body);
        } catch (JsonTree.JsonError e) {
            problems.add(new Problem(Rule.IN_SYNTAX, e.path(), e.getMessage()));
            return Optional.empty();
        }
        if (!(tree instanceof Map<?, ?>)) {
            problems.add(new Problem(Rule.IN_FIELD, "$", "expected a JSON object"));
            return Optional.empty();
        }
        Map<String, Object> m = new LinkedHashMap<>(JsonTree.asObject(tree));
        CampaignConfig d = CampaignConfig.DEFAULT;
        int every = rate(m.remove("goldEvery"), d.goldEvery(), "$.goldEvery", 0, 1000, problems);
        int minimum = rate(m.remove("goldMinimum"), d.goldMinimum(), "$.goldMinimum", 1, 1000, problems);
        int below = rate(m.remove("pauseBelowPercent"), d.pauseBelowPercent(), "$.pauseBelowPercent", 0, 100, problems);
        Object list = m.remove("photos");
        for (String k : m.keySet()) problems.add(new Problem(Rule.IN_FIELD, "$." + k, "unknown member"));
        Map<PhotoKey, TallySheet> photos = new LinkedHashMap<>();
        if (!(list instanceof List<?> l)) {
            problems.add(new Problem(Rule.IN_FIELD, "$.photos", "a list of figures, each with its photo (evidence)"));
            return Optional.empty();
        }
        for (int i = 0; i < l.size(); i++) {
            String at = "$.photos[" + i + "]";
            List<Problem> ps = new ArrayList<>();
            var s = FiguresBody.read(state.requireElection(), CanonicalJson.encode(l.get(i)), new ArrayList<>(), ps);
            for (Problem p : ps)
                problems.add(new Problem(
                        p.rule(),
                        p.location().startsWith("$") ? at + p.location().substring(1) : at + " " + p.location(),
                        p.message()));
            if (s.isEmpty()) continue;
            PhotoKey key = new PhotoKey(
                    s.get().evidence().orElseThrow(),
                    s.get().stationId(),
                    s.get().sourceId());
            boolean filed = state.evidence(key.sha256()).stream()
                    .anyMatch(f -> f.entry().evidence().stationId().equals(key.stationId())
                            && f.entry().evidence().sourceId().equals(key.sourceId()));
            if (!filed)
                problems.add(new Problem(
                        TranscriptionRule.TR_PHOTO,
                        at + ".evidence",
                        "no photo " + key.sha256() + " is filed for station " + key.stationId() + " by source "
                                + key.sourceId()));
            else if (photos.put(key, s.get()) != null)
                problems.add(new Problem(Rule.IN_FIELD, at, "the photo is listed twice"));
        }
        if (problems.size() > before) return Optional.empty();
        return Optional.of(new GoldSet(new CampaignConfig(d.lease(), d.tasksPerHour(), every, minimum, below), photos));
    }

    private static int rate(Object v, int absent, String at, int min, int max, List<Problem> problems) {
        if (v == null) return absent;
        if (v instanceof Long n && n >= min && n <= max) return n.intValue();
        problems.add(new Problem(Rule.IN_FIELD, at, "an integer from " + min + " to " + max));
        return absent;
    }
}

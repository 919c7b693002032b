package org.veritally.server.transcribe;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.veritally.core.transcribe.PhotoStatus;

/**
 * A campaign's progress: photos queued, open photos by how much work they have ({@code openByWork[c]}:
 * c pieces of counted work), photos by status, each account's agreement with the decided figures
 * ({@code peer}: [transcriptions of agreed or settled photos, agreeing]) and with gold tasks ({@code
 * gold}: [done, matched]), the paused accounts, the reported photos (folded: one item per photo with its
 * count of accounts and of each reason), and when. Immutable apart from the arrays it is given.
 */
public record CampaignStatus(
        int photos,
        int[] openByWork,
        Map<PhotoStatus, Integer> byStatus,
        Map<String, int[]> peer,
        Map<String, int[]> gold,
        List<String> paused,
        List<org.veritally.core.transcribe.FoldedReports> reports,
        Instant at) {
    /** As JSON members ({@code GET /api/campaign/status}, {@code campaign status --json}). */
    public Map<String, Object> json() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("photos", photos);
        List<Object> open = new java.util.ArrayList<>();
        for (int c : openByWork) open.add(c);
        m.put("openByWork", open);
        Map<String, Object> by = new java.util.LinkedHashMap<>();
        byStatus.forEach((k, v) -> by.put(k.wire(), v));
        m.put("byStatus", by);
        Map<String, Object> vols = new java.util.TreeMap<>();
        peer.forEach((k, v) -> vols.put(k, Map.of("decided", v[0], "agreeing", v[1])));
        m.put("peer", vols);
        Map<String, Object> g = new java.util.TreeMap<>();
        gold.forEach((k, v) -> g.put(k, Map.of("done", v[0], "matched", v[1])));
        m.put("gold", g);
        m.put("paused", paused);
        List<Object> rs = new java.util.ArrayList<>();
        for (var r : reports) {
            Map<String, Object> one = new java.util.LinkedHashMap<>();
            one.put("photo", r.photo().sha256());
            one.put("station", r.photo().stationId());
            one.put("source", r.photo().sourceId());
            one.put("status", r.status().wire());
            one.put("accounts", r.accounts());
            Map<String, Object> reasons = new java.util.TreeMap<>();
            r.byReason().forEach((k, v) -> reasons.put(k.wire(), v));
            one.put("reasons", reasons);
            one.put("texts", r.texts());
            rs.add(one);
        }
        m.put("reports", rs);
        m.put("at", at.toString());
        return m;
    }
}

package org.veritally.server.transcribe;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.veritally.core.transcribe.PhotoStatus;

/**
 * A campaign's progress: photos queued, open photos by how much work they have ({@code openByWork[c]}:
 * c pieces of counted work), photos by status, each account's agreement with the decided figures
 * ({@code peer}: [transcriptions of agreed or settled photos, agreeing]) and with gold tasks ({@code
 * gold}: [done, matched]), the paused accounts, and when. Immutable apart from the arrays it is given.
 */
public record CampaignStatus(
        int photos,
        int[] openByWork,
        Map<PhotoStatus, Integer> byStatus,
        Map<String, int[]> peer,
        Map<String, int[]> gold,
        List<String> paused,
        Instant at) {}

package org.veritally.web.model;

import java.util.List;

/**
 * The transcription campaign's progress (docs/transcription.md, "Progress"): photos queued, open photos with
 * 0, 1, 2, … pieces of counted work, photos agreed, escalated, settled and rejected, and each volunteer's
 * agreement with the decided figures and with gold tasks, and the reported photos, folded. Immutable.
 */
public record CampaignPage(
        ElectionInfo election,
        int photos,
        List<Integer> openByWork,
        int agreed,
        int escalated,
        int settled,
        int rejected,
        List<Volunteer> volunteers,
        List<ReportedPhoto> reports) {
    public CampaignPage {
        openByWork = List.copyOf(openByWork);
        volunteers = List.copyOf(volunteers);
        reports = List.copyOf(reports);
    }

    /**
     * One volunteer: transcriptions of decided photos and how many agreed with the decision, gold tasks done
     * and matched, and whether paused.
     */
    public record Volunteer(String account, int decided, int agreeing, int goldDone, int goldMatched, boolean paused) {}
}

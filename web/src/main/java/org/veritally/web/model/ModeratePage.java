package org.veritally.web.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The moderator's page: the escalated photos, each with its competing transcriptions and flags, to settle
 * (type the figures the photo shows) or reject. {@code signedIn} is false when the page shows the sign-in form
 * instead; {@code recorded} the log index of the decision just made; {@code problems} what refused the last
 * one, and {@code typed} what was typed for photo {@code typedPhoto} (to show its form again); the photos
 * reports took out of the queue ({@code reported}, folded: return or reject) and the paused accounts (to lift
 * a pause). Immutable.
 */
public record ModeratePage(
        ElectionInfo election,
        boolean signedIn,
        List<PhotoHistory> escalated,
        Optional<String> recorded,
        List<UploadPage.Issue> problems,
        String typedPhoto,
        Map<String, String> typed,
        List<ReportedPhoto> reported,
        List<String> paused) {
    public ModeratePage {
        escalated = List.copyOf(escalated);
        reported = List.copyOf(reported);
        paused = List.copyOf(paused);
        problems = List.copyOf(problems);
        typed = Map.copyOf(typed);
    }
}

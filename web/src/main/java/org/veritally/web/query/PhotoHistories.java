package org.veritally.web.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.veritally.core.model.Election;
import org.veritally.core.transcribe.PhotoStatus;
import org.veritally.core.transcribe.PhotoWork;
import org.veritally.server.Instance;
import org.veritally.web.model.Option;
import org.veritally.web.model.PhotoHistory;

/**
 * Reads how photos were transcribed from the rulebook's book of transcription work (the same the API's
 * {@code GET /api/stations/{id}/transcriptions} answers from): a station's photos, or every escalated photo
 * for the moderator. Scans every photo with work (a station index is left to do). Stateless.
 */
public final class PhotoHistories {
    private PhotoHistories() {}

    /** The photos of {@code station} with work, in the order their first work was logged. */
    public static List<PhotoHistory> ofStation(Instance in, String station) {
        return read(in, w -> w.key().stationId().equals(station));
    }

    /** Every photo with reports since its last return, folded, oldest first report first. */
    public static List<org.veritally.web.model.ReportedPhoto> reported(Instance in) {
        List<org.veritally.web.model.ReportedPhoto> out = new ArrayList<>();
        if (in.state().election().isEmpty()) return out;
        for (var f : org.veritally.core.transcribe.FoldedReports.of(in.state().transcriptions())) {
            java.util.Map<String, Integer> reasons = new java.util.LinkedHashMap<>();
            for (var r : org.veritally.core.transcribe.ReportReason.values())
                if (f.byReason().containsKey(r))
                    reasons.put(r.wire(), f.byReason().get(r));
            var w = org.veritally.core.transcribe.PhotoWork.open(f.photo());
            out.add(new org.veritally.web.model.ReportedPhoto(
                    f.photo().sha256(),
                    f.photo().stationId(),
                    f.photo().sourceId(),
                    f.status().wire(),
                    image(in, w),
                    f.accounts(),
                    reasons,
                    f.texts()));
        }
        return out;
    }

    /** Every escalated photo, oldest first: what a moderator has to decide. */
    public static List<PhotoHistory> escalated(Instance in) {
        return read(in, w -> w.status() == PhotoStatus.ESCALATED);
    }

    private static List<PhotoHistory> read(Instance in, Predicate<PhotoWork> which) {
        if (in.state().election().isEmpty()) return List.of();
        Election el = in.state().requireElection();
        List<PhotoWork> photos = new ArrayList<>();
        for (PhotoWork w : in.state().transcriptions().photos())
            if (which.test(w) && !w.work().isEmpty()) photos.add(w);
        photos.sort(Comparator.comparingLong(w -> w.work().get(0).index()));
        List<PhotoHistory> out = new ArrayList<>(photos.size());
        for (PhotoWork w : photos) out.add(history(in, el, w));
        return out;
    }

    private static PhotoHistory history(Instance in, Election el, PhotoWork w) {
        String contest = w.work().stream()
                .flatMap(x -> x.sheet().stream())
                .map(s -> s.contestId())
                .findFirst()
                .orElse(contestFiled(in, w)
                        .orElse(el.contests().size() == 1 ? el.contests().get(0).id() : ""));
        List<Option> choices = new ArrayList<>();
        el.contest(contest)
                .ifPresent(c -> c.choices().forEach(ch -> choices.add(new Option(ch.id(), ch.name(), false, false))));
        List<PhotoHistory.Typed> typed = new ArrayList<>();
        for (PhotoWork.Work x : w.work()) {
            List<Long> votes = new ArrayList<>();
            long valid = 0;
            long nulls = 0;
            if (x.sheet().isPresent()) {
                for (long v : x.sheet().get().votes()) votes.add(v);
                valid = x.sheet().get().counts().valid();
                nulls = x.sheet().get().counts().nulls();
            }
            typed.add(new PhotoHistory.Typed(
                    x.index(), x.account(), x.settles(), x.flag().map(f -> f.wire()), votes, valid, nulls));
        }
        return new PhotoHistory(
                w.key().sha256(),
                w.key().stationId(),
                w.key().sourceId(),
                w.status().wire(),
                contest,
                image(in, w),
                choices,
                typed);
    }

    private static Optional<String> contestFiled(Instance in, PhotoWork w) {
        return in.state().evidence(w.key().sha256()).stream()
                .map(f -> f.entry().evidence())
                .filter(e -> e.stationId().equals(w.key().stationId()))
                .findFirst()
                .flatMap(e -> e.contestId());
    }

    /** The SHA-256 of the photo's public copy, when there is one. */
    public static Optional<String> image(Instance in, PhotoWork w) {
        return in.state().evidence(w.key().sha256()).stream()
                .map(f -> f.entry().evidence())
                .filter(e -> e.stationId().equals(w.key().stationId()))
                .findFirst()
                .flatMap(e -> e.publicCopy())
                .map(b -> b.sha256());
    }
}

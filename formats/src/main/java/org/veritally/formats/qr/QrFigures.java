package org.veritally.formats.qr;

import java.util.Optional;
import org.veritally.core.evidence.Evidence;
import org.veritally.core.evidence.MachineRead;
import org.veritally.core.model.Election;
import org.veritally.core.model.TallySheet;
import org.veritally.core.rulebook.MachineFigures;
import org.veritally.formats.csv.CvzlaCsv;

/**
 * The figures of a photo's QR code for the rulebook ({@link MachineFigures};
 * docs/transcription.md#a-machine-read-as-a-voter): a Venezuelan acta's QR ({@code ve-acta-qr}, parsed by
 * {@link VeActaQr#parse}) for contest {@value CvzlaCsv#CONTEST} of an election whose contest has the acta's
 * ten candidates as its choices, in order, and only when the acta names the photo's own station. Anything
 * else (another format, a payload that does not parse, another station) yields nothing: a machine read never
 * makes a number up. Stateless.
 */
public final class QrFigures implements MachineFigures {
    @Override
    public Optional<TallySheet> of(Evidence evidence, String contestId, Election election) {
        if (!contestId.equals(CvzlaCsv.CONTEST)) return Optional.empty();
        var contest = election.contest(contestId);
        if (contest.isEmpty()
                || !contest.get().choices().stream().map(c -> c.id()).toList().equals(VeActaQr.CHOICES))
            return Optional.empty();
        for (MachineRead r : evidence.reads()) {
            if (!r.format().equals(VeActaQr.FORMAT)) continue;
            var row = VeActaQr.parse(r.payload(), evidence.sourceId(), "qr");
            if (row.sheet().isEmpty() || !row.sheet().get().stationId().equals(evidence.stationId())) continue;
            TallySheet s = row.sheet().get();
            return Optional.of(
                    new TallySheet(evidence.stationId(), contestId, evidence.sourceId(), s.counts(), s.votes())
                            .citing(evidence.original().sha256()));
        }
        return Optional.empty();
    }
}

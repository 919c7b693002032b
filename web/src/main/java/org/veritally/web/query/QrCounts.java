package org.veritally.web.query;

import java.util.ArrayList;
import java.util.List;
import org.veritally.core.evidence.MachineRead;
import org.veritally.core.model.Choice;
import org.veritally.core.model.TallySheet;
import org.veritally.formats.csv.CvzlaCsv;
import org.veritally.formats.qr.VeActaQr;
import org.veritally.web.model.StationPhoto;

/**
 * A machine read as the station page shows it: a Venezuelan acta's QR ({@code ve-acta-qr}) parsed by
 * the importer's own parser ({@link VeActaQr#parse}) into the votes of each of the ten candidates
 * (named as in {@link CvzlaCsv#election()}), the valid votes and the null votes; any other format,
 * or a payload that does not parse, as its text only. The page never makes a number up: a payload the
 * parser refuses shows as read. Stateless.
 */
final class QrCounts {
    private static final List<Choice> VE_CHOICES =
            CvzlaCsv.election().contest(CvzlaCsv.CONTEST).orElseThrow().choices();

    private QrCounts() {}

    static StationPhoto.QrRead of(MachineRead r) {
        if (!r.format().equals(VeActaQr.FORMAT)) return new StationPhoto.QrRead(r.format(), r.payload(), List.of());
        var row = VeActaQr.parse(r.payload(), "qr", "qr");
        if (row.sheet().isEmpty()) return new StationPhoto.QrRead(r.format(), r.payload(), List.of());
        TallySheet s = row.sheet().get();
        List<StationPhoto.QrCount> counts = new ArrayList<>(VE_CHOICES.size() + 2);
        for (int i = 0; i < VE_CHOICES.size() && i < s.votes().length; i++)
            counts.add(new StationPhoto.QrCount(VE_CHOICES.get(i).name(), false, s.votes()[i]));
        counts.add(new StationPhoto.QrCount("field.valid", true, s.counts().valid()));
        counts.add(new StationPhoto.QrCount("field.nulls", true, s.counts().nulls()));
        return new StationPhoto.QrRead(r.format(), r.payload(), counts);
    }
}

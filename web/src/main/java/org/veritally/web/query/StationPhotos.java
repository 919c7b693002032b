package org.veritally.web.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.veritally.core.entry.EvidenceEntry;
import org.veritally.core.evidence.Blob;
import org.veritally.core.evidence.Evidence;
import org.veritally.core.model.Source;
import org.veritally.server.Instance;
import org.veritally.store.CheckpointQueries;
import org.veritally.store.ProjectionQueries;
import org.veritally.web.model.StationPhoto;

/**
 * Use case: read the photos filed as evidence for one station, in log order, for its page: each
 * entry decoded with the log's own codec, its flags, the first checkpoint that covers it, its machine
 * reads ({@link QrCounts}), and the pixel size of its public copy ({@link JpegSize}, read once per
 * image: a blob's bytes never change under its name, so the sizes are kept, up to {@value #SIZES_KEPT}
 * of them). A public copy the blob store does not hold (a follower that has the log but not the
 * bytes yet) is shown without a size rather than failing the page. Thread-safe.
 */
public final class StationPhotos {
    static final int SIZES_KEPT = 20_000;
    private static final Map<String, int[]> SIZES = new ConcurrentHashMap<>();
    private static final int[] UNKNOWN = {0, 0};
    private final Instance in;

    public StationPhotos(Instance in) {
        this.in = in;
    }

    /**
     * The photos of {@code stationId}; {@code withSheet} holds {@link #key} of each source and contest
     * of which the station has a sheet. A photo is "image only" when its source sent no sheet for the
     * station (of the photo's contest, where the filer named one).
     */
    public List<StationPhoto> read(String stationId, Set<String> withSheet) {
        var rows = new ProjectionQueries(in.store()).evidenceOf(stationId);
        if (rows.isEmpty()) return List.of();
        List<Source> sources = in.state().tabulation().sources();
        var projections = new ProjectionQueries(in.store());
        var checkpoints = new CheckpointQueries(in.store());
        List<StationPhoto> out = new ArrayList<>(rows.size());
        for (var row : rows) {
            Evidence ev = decode(row).evidence();
            String sourceName = sources.stream()
                    .filter(s -> s.id().equals(ev.sourceId()))
                    .map(Source::name)
                    .findFirst()
                    .orElse(ev.sourceId());
            Optional<StationPhoto.PublicImage> image = ev.publicCopy().map(this::image);
            Optional<Instant> proven =
                    checkpoints.firstCovering(row.entryIdx()).map(cp -> Instant.ofEpochMilli(cp.createdMs()));
            List<StationPhoto.Flag> flags = projections.flagsOf(row.entryIdx()).stream()
                    .map(f -> new StationPhoto.Flag(f.get("rule"), f.get("message")))
                    .toList();
            out.add(new StationPhoto(
                    row.entryIdx(),
                    ev.sourceId(),
                    sourceName,
                    ev.contestId(),
                    ev.original().sha256(),
                    ev.original().mediaType(),
                    image,
                    ev.captured(),
                    proven,
                    reads(ev.reads()),
                    flags,
                    !withSheet.contains(key(ev.sourceId(), ev.contestId()))));
        }
        return out;
    }

    /** The key of a source's sheets of a contest, or of any contest. */
    public static String key(String source, Optional<String> contest) {
        return source + "\n" + contest.orElse("*");
    }

    /** What a machine read from a photo, as the site shows it ({@link QrCounts}). */
    public static List<StationPhoto.QrRead> reads(List<org.veritally.core.evidence.MachineRead> reads) {
        return reads.stream().map(QrCounts::of).toList();
    }

    private StationPhoto.PublicImage image(Blob b) {
        int[] size = SIZES.get(b.sha256());
        if (size == null) {
            try {
                size = in.blobs().get(b.sha256()).flatMap(JpegSize::of).orElse(UNKNOWN);
            } catch (org.veritally.store.StoreException e) {
                size = UNKNOWN; // STORE-BLOB-HASH: /evidence/{sha256} refuses to serve it; the page still shows
            }
            if (size != UNKNOWN) {
                if (SIZES.size() >= SIZES_KEPT) SIZES.clear();
                SIZES.put(b.sha256(), size);
            }
        }
        return new StationPhoto.PublicImage(b.sha256(), size[0], size[1]);
    }

    private EvidenceEntry decode(ProjectionQueries.EvidenceRow row) {
        return in.state().evidenceEntry(row);
    }
}

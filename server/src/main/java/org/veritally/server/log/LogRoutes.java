package org.veritally.server.log;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.veritally.core.validation.RuleId;
import org.veritally.server.http.ProblemJson;
import org.veritally.server.http.Routes;
import org.veritally.store.Store;
import org.veritally.translog.Checkpoint;
import org.veritally.translog.Cosignature;
import org.veritally.translog.Note;
import org.veritally.translog.NoteSignature;
import org.veritally.translog.Parsed;
import org.veritally.translog.Rule;
import org.veritally.translog.Tile;
import org.veritally.translog.VerifierKey;

/**
 * The log over HTTP in the C2SP tlog-tiles layout under {@code /log/}: {@code checkpoint} (the
 * latest signed checkpoint with its cosignatures; revalidated every second), {@code tile/<L>/<N>}
 * and {@code tile/entries/<N>} (full tiles never change: cached for a year, immutable; partial tiles
 * for a minute). {@code POST /log/cosignature} takes a checkpoint cosigned by a configured witness
 * (C2SP tlog-cosignature) and publishes the cosignature on that checkpoint.
 */
public final class LogRoutes implements Routes {
    private final Store store;
    private final LogView log;
    private final LogKeys keys;
    private final Witnesses witnesses;

    public LogRoutes(Store store, LogKeys keys, Witnesses witnesses) {
        this.store = store;
        this.log = new LogView(store);
        this.keys = keys;
        this.witnesses = witnesses;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/log/checkpoint", this::checkpoint);
        routes.get("/log/tile/*", this::tile);
        routes.post("/log/cosignature", this::cosign);
        routes.get("/log/receipt/{index}", this::receipt);
    }

    private void checkpoint(Context ctx) {
        var cp = log.latest();
        if (cp.isEmpty()) {
            problem(ctx, 404, LogRule.LOG_EMPTY, "the log has no checkpoint yet");
            return;
        }
        ctx.header("Cache-Control", "public, max-age=1, must-revalidate")
                .contentType("text/plain; charset=utf-8")
                .result(cp.get().note());
    }

    private void tile(Context ctx) {
        String path = ctx.path().substring("/log/".length());
        var parsed = Tile.parsePath(path);
        if (!(parsed instanceof Parsed.Ok<Tile> ok)) {
            problem(ctx, 404, Rule.TILE_PATH_1, "not a tile path: " + path);
            return;
        }
        long size = log.latest().map(LogView.SignedNote::size).orElse(0L);
        Tile t = ok.value();
        long last = t instanceof Tile.Hashes h
                ? (h.index() * 256 + h.width()) << h.nodeLevel()
                : t.index() * 256 + t.width();
        if (t instanceof Tile.Hashes h && h.nodeLevel() >= 63 || last > size || last < 0) {
            problem(ctx, 404, LogRule.TILE_RANGE, "tile " + path + " lies beyond the tree size " + size);
            return;
        }
        byte[] body = t instanceof Tile.Hashes h ? log.tile(h) : log.entryBundle((Tile.Entries) t);
        ctx.header("Cache-Control", t.isPartial() ? "public, max-age=60" : "public, max-age=31536000, immutable")
                .contentType("application/octet-stream")
                .result(body);
    }

    /**
     * A receipt (C2SP tlog-proof: entry bytes, inclusion proof, signed checkpoint) for any entry, against the latest
     * checkpoint.
     */
    private void receipt(Context ctx) {
        long index;
        try {
            index = Long.parseLong(ctx.pathParam("index"));
        } catch (NumberFormatException e) {
            problem(ctx, 404, Rule.LOG_INC_1, "not an entry index: " + ctx.pathParam("index"));
            return;
        }
        var cp = log.latest();
        if (cp.isEmpty() || index < 0 || index >= cp.get().size()) {
            problem(ctx, 404, Rule.LOG_INC_1, "no entry " + index + " in the signed tree");
            return;
        }
        ctx.header("Cache-Control", "public, max-age=5")
                .contentType("text/plain; charset=utf-8")
                .result(log.receipt(index, cp.get()));
    }

    private void cosign(Context ctx) {
        if (!(Note.parse(ctx.body()) instanceof Parsed.Ok<Note> note)) {
            problem(ctx, 422, Rule.NOTE_FMT_2, "the body is not a signed note");
            return;
        }
        if (!(Checkpoint.parse(note.value().text()) instanceof Parsed.Ok<Checkpoint> cp)
                || !cp.value().origin().equals(keys.origin())) {
            problem(ctx, 422, Rule.CKPT_ORIGIN_1, "not a checkpoint of this log");
            return;
        }
        var ours = log.at(cp.value().size());
        if (ours.isEmpty() || !ours.get().note().startsWith(note.value().text() + "\n")) {
            problem(ctx, 409, LogRule.COSIG_CKPT, "this log never signed that checkpoint");
            return;
        }
        int accepted = 0;
        for (NoteSignature sig : note.value().signatures()) {
            for (VerifierKey w : witnesses.keys()) {
                if (!sig.isFrom(w)) continue;
                if (Cosignature.from(sig) instanceof Parsed.Ok<Cosignature> c
                        && c.value().verify(w, note.value().text())) {
                    String sigLine = sig.line();
                    store.write(tx -> {
                        tx.putCosignature(cp.value().size(), w.name(), sigLine);
                        return null;
                    });
                    accepted++;
                }
            }
        }
        if (accepted == 0) {
            problem(ctx, 403, Rule.COSIG_SIG_1, "no valid cosignature from a configured witness");
            return;
        }
        ctx.status(204);
    }

    private static void problem(Context ctx, int status, RuleId rule, String detail) {
        ctx.status(status)
                .contentType("application/problem+json")
                .result(org.veritally.server.http.Json.bytes(ProblemJson.rule(status, rule, detail)));
    }
}

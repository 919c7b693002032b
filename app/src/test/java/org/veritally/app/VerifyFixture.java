package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.veritally.server.Instance;
import org.veritally.server.http.ApiServer;
import org.veritally.server.http.WriteToken;
import org.veritally.server.log.LogRoutes;
import org.veritally.server.log.Witnesses;
import org.veritally.translog.NoteSigner;

/**
 * Shared by the {@code Verify*} tests: runs the CLI in-process capturing its output, builds real
 * publications (generate, import, publish), starts the real log server on loopback, and reads the
 * status of a check from a text report.
 */
final class VerifyFixture {

    private VerifyFixture() {}

    record Run(int code, String out, String err) {
        /** The status ({@code ok}, {@code FAIL}, {@code skip}) of check {@code id} in a text report. */
        String status(String id) {
            Matcher m = Pattern.compile("(?m)^\\s*\\d+\\. " + Pattern.quote(id) + "\\s+(ok|FAIL|skip)\\b")
                    .matcher(out);
            return m.find() ? m.group(1) : "absent";
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    /** Runs the CLI in process through {@link CliTest#run}, which owns the capture of System.out and err. */
    static Run run(String... args) {
        CliTest.Run r = CliTest.run(args);
        return new Run(r.code(), r.out(), r.err());
    }

    static void ok(String... args) {
        Run r = run(args);
        assertThat(r.code()).as(String.join(" ", args) + "\n" + r).isZero();
    }

    /** A generated election: its definition and its sheets split by source. */
    record Generated(Path election, Path authority, Path witness) {}

    static Generated generate(Path dir, int stations, long seed) throws IOException {
        Path g = dir.resolve("gen");
        ok("generate", "--stations", "" + stations, "--sources", "2", "--seed", "" + seed, "--out", g.toString());
        List<String> lines = Files.readAllLines(g.resolve("sheets.csv"));
        List<String> authority = new ArrayList<>(List.of(lines.get(0)));
        List<String> witness = new ArrayList<>(List.of(lines.get(0)));
        for (String l : lines.subList(1, lines.size())) {
            (l.contains(",authority,") ? authority : witness).add(l);
        }
        Files.write(g.resolve("authority.csv"), authority);
        Files.write(g.resolve("witness.csv"), witness);
        return new Generated(g.resolve("election.json"), g.resolve("authority.csv"), g.resolve("witness.csv"));
    }

    static void define(Path data, Generated g) {
        ok(
                "import",
                "--data",
                data.toString(),
                "--format",
                "election",
                g.election().toString());
    }

    static void importSheets(Path data, Path csv) {
        ok("import", "--data", data.toString(), "--format", "csv", "--quiet", csv.toString());
    }

    static Path publish(Path data, Path out) {
        ok("publish", "--data", data.toString(), "--out", out.toString());
        return out;
    }

    /** The log's pinned verifier key file. */
    static Path key(Path data) {
        return data.resolve("keys").resolve("log.vkey");
    }

    /** The log's signer key, for attacks that need the right key. */
    static NoteSigner signer(Path data) throws IOException {
        return NoteSigner.parse(Files.readString(data.resolve("keys").resolve("log.key"))
                        .strip())
                .orElseThrow();
    }

    /** The entries of a published log of fewer than 256 entries (one partial bundle). */
    static List<byte[]> publishedEntries(Path pub) throws IOException {
        int size = Integer.parseInt(Files.readString(pub.resolve("checkpoint")).split("\n")[1]);
        return new java.util.ArrayList<>(org.veritally.translog.EntryBundle.parse(
                        Files.readAllBytes(pub.resolve("tile/entries/000.p/" + size)), size)
                .orElseThrow()
                .entries());
    }

    /**
     * Rewrites the tiles and the checkpoint of the published log {@code pub} over {@code entries} (fewer than 256),
     * signed with the log's own {@code key}: what a dishonest operator can do, so that only the rulebook is left to
     * catch a forged entry.
     */
    static void republish(Path pub, List<byte[]> entries, NoteSigner key) throws IOException {
        var r = new org.veritally.translog.TreeAppender()
                .appendEntries(org.veritally.translog.CompactRange.empty(), entries);
        var nodes = new org.veritally.translog.InMemoryNodeStore();
        nodes.putAll(r.nodes());
        for (var t : org.veritally.translog.TileLayout.hashTiles(entries.size()))
            Files.write(pub.resolve(t.path()), org.veritally.translog.TileBuilder.build(t, nodes));
        for (var b : org.veritally.translog.TileLayout.entryBundles(entries.size())) {
            int from = (int) (b.index() * org.veritally.translog.Tile.FULL_WIDTH);
            Files.write(
                    pub.resolve(b.path()),
                    new org.veritally.translog.EntryBundle(entries.subList(from, from + b.width())).encode());
        }
        Files.writeString(
                pub.resolve("checkpoint"),
                org.veritally.translog.SignedCheckpoint.sign(
                                org.veritally.translog.Checkpoint.of(key.name(), entries.size(), r.root()), key)
                        .format());
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The real log server (API and {@code /log/}) over a data directory, on a free loopback port. */
    static final class Server implements AutoCloseable {
        final Instance instance;
        private ApiServer api;

        Server(Path data) throws IOException {
            instance = Instance.open(data);
            start();
        }

        /** Restarts the HTTP side, rereading {@code DATA/witnesses}. */
        void restart() throws IOException {
            api.close();
            start();
        }

        private void start() throws IOException {
            Path dir = instance.dir();
            api = new ApiServer(
                            instance,
                            WriteToken.load(dir),
                            List.of(new LogRoutes(instance.store(), instance.keys(), Witnesses.load(dir))))
                    .start("127.0.0.1", 0);
        }

        String url() {
            return "http://127.0.0.1:" + api.port();
        }

        String token() throws IOException {
            return Files.readString(instance.dir().resolve(WriteToken.FILE)).strip();
        }

        @Override
        public void close() {
            api.close();
            instance.close();
        }
    }
}

package org.veritally.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.veritally.core.transcribe.FlagReason;
import org.veritally.core.transcribe.PhotoKey;
import org.veritally.core.validation.Problem;
import org.veritally.server.Instance;
import org.veritally.server.http.Json;
import org.veritally.server.transcribe.FiguresBody;
import org.veritally.server.transcribe.Submitted;
import org.veritally.server.transcribe.WorkEntries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code veritally transcribe next|submit|flag|report} (docs/transcription.md): the campaign's use cases from
 * the command line, as an account. On a data directory a server is not serving; against a running server
 * use the API (a lease taken here ends with the process). {@code --key FILE} signs the work with the account's
 * key (TR-SIGN). Exit 0 done, 1 refused (each problem with its rule ID), 2 usage.
 */
@Command(
        name = "transcribe",
        description = "Transcribe photos of tally sheets: take the next photo, submit its figures, or flag it.",
        subcommands = {
            TranscribeCommand.Next.class,
            TranscribeCommand.Submit.class,
            TranscribeCommand.Flag.class,
            TranscribeCommand.Report.class
        })
final class TranscribeCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static int answer(Submitted s) {
        if (!s.accepted()) {
            s.problems().forEach(System.err::println);
            return Main.REJECTED;
        }
        System.out.println(s.index().isPresent() ? "log index " + s.index().getAsLong() : "scored (a gold task)");
        for (Problem p : s.flags()) System.out.println("  flag " + p.rule().id() + ": " + p.message());
        return Main.OK;
    }

    @Command(
            name = "next",
            description =
                    "The next photo for ACCOUNT: station, contest, source and choices, and the contests it may be typed"
                            + " as (JSON; contest empty: choose one of them).")
    static final class Next implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Option(names = "--account", required = true, paramLabel = "ACCOUNT")
        String account;

        @Override
        public Integer call() {
            try (Instance in = data.open()) {
                if (in.state().election().isEmpty()) throw new UsageError("no election defined in " + data.dir);
                var n = in.transcription().next(account);
                if (!n.problems().isEmpty()) {
                    n.problems().forEach(System.err::println);
                    return Main.REJECTED;
                }
                if (n.task().isEmpty()) {
                    System.out.println("no photo needs " + account + "'s work now");
                    return Main.OK;
                }
                var t = n.task().get();
                var m = new java.util.LinkedHashMap<String, Object>();
                m.put("photo", t.photo().sha256());
                m.put("station", t.photo().stationId());
                m.put("source", t.photo().sourceId());
                m.put("contest", t.contestId());
                List<String> choices = new ArrayList<>();
                List<Object> contests = new ArrayList<>(); // more than one: the volunteer chooses
                for (var c : t.contests(in.state().requireElection())) {
                    List<String> ids = new ArrayList<>();
                    c.choices().forEach(ch -> ids.add(ch.id()));
                    if (c.id().equals(t.contestId())) choices.addAll(ids);
                    var one = new java.util.LinkedHashMap<String, Object>();
                    one.put("id", c.id());
                    one.put("choices", ids);
                    contests.add(one);
                }
                m.put("choices", choices);
                m.put("contests", contests);
                System.out.println(Json.pretty(m));
                return Main.OK;
            }
        }
    }

    @Command(
            name = "submit",
            description = "Submit ACCOUNT's figures for a photo: a JSON file (or - for standard input) with station,"
                    + " contest, source, evidence (the photo's SHA-256), counts, votes and confirmed rule IDs.")
    static final class Submit implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Option(names = "--account", required = true, paramLabel = "ACCOUNT")
        String account;

        @Parameters(paramLabel = "FILE", arity = "1")
        String file;

        @Mixin
        SigningKeyOption key;

        @Override
        public Integer call() throws IOException {
            byte[] body = file.equals("-") ? System.in.readAllBytes() : read(file);
            try (Instance in = data.open()) {
                if (in.state().election().isEmpty()) throw new UsageError("no election defined in " + data.dir);
                List<String> confirmed = new ArrayList<>();
                List<Problem> problems = new ArrayList<>();
                var s = FiguresBody.read(in.state().requireElection(), body, confirmed, problems);
                if (s.isEmpty()) {
                    problems.forEach(p -> System.err.println(p.at(file)));
                    return Main.REJECTED;
                }
                var entry = WorkEntries.transcription(account, s.get(), confirmed, false, Optional.empty());
                return answer(in.transcription().submit(account, s.get(), confirmed, key.sign(in, entry)));
            }
        }

        private static byte[] read(String f) throws IOException {
            Path p = Path.of(f);
            if (!Files.isReadable(p)) throw new UsageError("cannot read " + f);
            return Files.readAllBytes(p);
        }
    }

    /**
     * {@code --key FILE}: the account's signing key (keygen's), which signs the entry the command writes over its
     * canonical bytes without {@code signature} (docs/log-format.md §1.9, TR-SIGN). Without it the work is unsigned,
     * which the rulebook refuses once the account has a key.
     */
    static final class SigningKeyOption {
        @Option(
                names = "--key",
                paramLabel = "FILE",
                description = "the account's signing key (keygen): signs the entry (required once it has a key)")
        Path file;

        Optional<byte[]> sign(Instance in, org.veritally.core.entry.TranscriptionWork entry) {
            if (file == null) return Optional.empty();
            String text;
            try {
                text = Files.readString(file).strip();
            } catch (IOException e) {
                throw new UsageError("cannot read " + file + ": " + e.getMessage());
            }
            if (!(org.veritally.translog.NoteSigner.parse(text)
                    instanceof org.veritally.translog.Parsed.Ok<org.veritally.translog.NoteSigner> signer))
                throw new UsageError(file + " is not a signing key (keygen writes one)");
            return Optional.of(signer.value().signBytes(in.state().codec().signedMessage(entry)));
        }
    }

    /** The photo a command names: its SHA-256, station and source. */
    static final class PhotoOption {
        @Option(names = "--photo", required = true, paramLabel = "SHA256")
        String sha256;

        @Option(names = "--station", required = true, paramLabel = "ID")
        String station;

        @Option(names = "--source", required = true, paramLabel = "ID")
        String source;

        PhotoKey key() {
            if (!org.veritally.core.evidence.Blob.isSha256(sha256))
                throw new UsageError("--photo is the photo's SHA-256 in lower-case hex");
            return new PhotoKey(sha256, station, source);
        }
    }

    @Command(
            name = "flag",
            description = "Flag a photo as ACCOUNT: illegible, wrong-station, not-a-tally-sheet, duplicate.")
    static final class Flag implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Option(names = "--account", required = true, paramLabel = "ACCOUNT")
        String account;

        @Mixin
        PhotoOption photo;

        @Option(names = "--reason", required = true, paramLabel = "REASON")
        String reason;

        @Mixin
        SigningKeyOption key;

        @Override
        public Integer call() {
            var r = FlagReason.ofWire(reason)
                    .orElseThrow(() -> new UsageError(
                            "--reason is illegible, wrong-station, not-a-tally-sheet or duplicate, not " + reason));
            PhotoKey photoKey = photo.key();
            try (Instance in = data.open()) {
                if (in.state().election().isEmpty()) throw new UsageError("no election defined in " + data.dir);
                var entry = WorkEntries.flag(account, photoKey, r, false, Optional.empty());
                return answer(in.transcription().flag(account, photoKey, r, key.sign(in, entry)));
            }
        }
    }

    @Command(
            name = "report",
            description = "Report a photo as ACCOUNT (any account): illegible, wrong-station, not-a-tally-sheet,"
                    + " duplicate or other (with --text).")
    static final class Report implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Option(names = "--account", required = true, paramLabel = "ACCOUNT")
        String account;

        @Mixin
        PhotoOption photo;

        @Option(names = "--reason", required = true, paramLabel = "REASON")
        String reason;

        @Option(names = "--text", paramLabel = "TEXT", defaultValue = "")
        String text;

        @Mixin
        SigningKeyOption key;

        @Override
        public Integer call() {
            var r = org.veritally.core.transcribe.ReportReason.ofWire(reason)
                    .orElseThrow(() -> new UsageError("--reason is illegible, wrong-station, not-a-tally-sheet,"
                            + " duplicate or other, not " + reason));
            PhotoKey photoKey = photo.key();
            try (Instance in = data.open()) {
                if (in.state().election().isEmpty()) throw new UsageError("no election defined in " + data.dir);
                Optional<byte[]> sig = Optional.empty();
                if (key.file != null) {
                    var entry = UsageError.of(
                            () -> WorkEntries.report(account, photoKey, r, text, false, Optional.empty()));
                    sig = key.sign(in, entry);
                }
                return answer(in.transcription().report(account, photoKey, r, text, sig));
            }
        }
    }
}

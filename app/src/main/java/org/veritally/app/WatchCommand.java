package org.veritally.app;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.veritally.translog.SignedCheckpoint;
import org.veritally.verify.LogUnavailableException;
import org.veritally.verify.Observation;
import org.veritally.verify.PublishedLog;
import org.veritally.verify.Watcher;
import org.veritally.verify.io.KeyFiles;
import org.veritally.verify.io.Logs;
import org.veritally.verify.io.StateFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code veritally watch}: follow a log's checkpoint and raise the alarm on a rollback or a fork. */
@Command(
        name = "watch",
        description = {
            "Follow a log's checkpoint: verify each new one and prove from the tiles that it extends "
                    + "the last one seen.",
            "On a rollback or a fork, print both signed checkpoints and exit 1 "
                    + "(WATCH-SIG, WATCH-ROLLBACK, WATCH-FORK).",
            "Prints every new key and revocation entry (KEY, REVOCATION lines), so a party sees its keys change."
        })
final class WatchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "URL|DIR", description = "the log: a Veritally server, a publication URL, or a directory")
    String log;

    @Option(names = "--key", required = true, paramLabel = "VKEY|FILE", description = "the log's verifier key, pinned")
    String key;

    @Option(
            names = "--interval-ms",
            defaultValue = "30000",
            paramLabel = "N",
            description = "time between looks (default: ${DEFAULT-VALUE})")
    long intervalMs;

    @Option(names = "--once", description = "look once and exit")
    boolean once;

    @Option(
            names = "--keys",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description =
                    "report every new key and revocation entry (default: on; --no-keys to skip reading the entries)")
    boolean keys;

    @Option(
            names = "--state",
            defaultValue = "veritally-watch.checkpoint",
            paramLabel = "FILE",
            description = "where the last checkpoint seen is kept (default: ${DEFAULT-VALUE})")
    Path state;

    @Override
    public Integer call() throws InterruptedException {
        Watcher watcher = new Watcher(UsageError.of(() -> KeyFiles.load(key)));
        PublishedLog published = UsageError.of(() -> Logs.open(log));
        StateFile file = new StateFile(state);
        while (true) {
            Optional<SignedCheckpoint> earlier = file.read().map(n -> watcher.open(n, state.toString()));
            Observation o;
            try {
                o = watcher.look(published, earlier);
            } catch (LogUnavailableException e) {
                if (once) {
                    throw e;
                }
                System.err.println("warning: " + e.getMessage() + "; retrying");
                Thread.sleep(intervalMs);
                continue;
            }
            if (o instanceof Observation.Alarm a) {
                System.out.print(alarm(a, published.location(), state.toString()));
                System.out.flush();
                return Main.REJECTED;
            }
            SignedCheckpoint now = o.current().orElseThrow();
            String size = String.format("%,d", now.checkpoint().size());
            if (o instanceof Observation.First) {
                file.write(now.format());
                System.out.println("first checkpoint of " + published.location() + ": tree size " + size
                        + " (trusted on first use; kept in " + state + ")");
                keyEvents(published, 0, now.checkpoint().size());
            } else if (o instanceof Observation.Grew g) {
                file.write(now.format());
                System.out.printf(
                        "tree size %,d -> %s: consistent (proof computed from the tiles)%n",
                        g.earlier().checkpoint().size(), size);
                keyEvents(
                        published,
                        g.earlier().checkpoint().size(),
                        now.checkpoint().size());
            } else if (once) {
                System.out.println("unchanged: tree size " + size);
            }
            System.out.flush();
            if (once) {
                return Main.OK;
            }
            Thread.sleep(intervalMs);
        }
    }

    /** Prints the key and revocation entries at {@code from} to {@code to}, unless --no-keys. */
    private void keyEvents(PublishedLog published, long from, long to) {
        if (!keys) return;
        for (var e : org.veritally.verify.KeyEvents.between(published, from, to)) System.out.println(e.line());
    }

    /** The alarm with both signed checkpoints, the evidence to pass on. */
    static String alarm(Observation.Alarm a, String location, String earlierFrom) {
        StringBuilder sb = new StringBuilder();
        sb.append("ALARM ")
                .append(a.check().id())
                .append(": ")
                .append(a.message())
                .append(System.lineSeparator());
        a.earlier()
                .ifPresent(n -> sb.append("--- checkpoint seen before (")
                        .append(earlierFrom)
                        .append(") ---")
                        .append(System.lineSeparator())
                        .append(n));
        sb.append("--- checkpoint served now by ")
                .append(location)
                .append(" ---")
                .append(System.lineSeparator())
                .append(a.served());
        if (!a.served().endsWith("\n")) {
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }
}

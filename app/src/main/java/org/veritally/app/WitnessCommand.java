package org.veritally.app;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.veritally.translog.SignedCheckpoint;
import org.veritally.verify.Cosigner;
import org.veritally.verify.LogUnavailableException;
import org.veritally.verify.Watcher;
import org.veritally.verify.io.HttpLog;
import org.veritally.verify.io.KeyFiles;
import org.veritally.verify.io.Logs;
import org.veritally.verify.io.StateFile;
import org.veritally.verify.io.WitnessKeyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code veritally witness}: cosign a log's checkpoints after checking them, for a party or an observer. */
@Command(
        name = "witness",
        description = {
            "Run a witness: cosign each checkpoint of the log that extends the last one cosigned.",
            "It verifies the log's checkpoint and its consistency with the last one cosigned, then "
                    + "cosigns it (cosignature/v1)",
            "and sends the cosignature to the log. It refuses, with an alarm and exit 1, a rollback or a fork."
        })
final class WitnessCommand implements Callable<Integer> {
    static final String STATE = "witness.checkpoint";

    @Option(
            names = "--log",
            required = true,
            paramLabel = "URL",
            description = "the log server (its /log/cosignature takes the cosignatures)")
    String log;

    @Option(names = "--key", required = true, paramLabel = "VKEY|FILE", description = "the log's verifier key, pinned")
    String key;

    @Option(
            names = "--data",
            required = true,
            paramLabel = "DIR",
            description = "the witness's directory: its key pair and last cosigned checkpoint")
    Path data;

    @Option(
            names = "--name",
            paramLabel = "NAME",
            description = "the witness key's name, on first run (default: veritally-witness-<hex>)")
    String name;

    @Option(
            names = "--interval-ms",
            defaultValue = "30000",
            paramLabel = "N",
            description = "time between looks (default: ${DEFAULT-VALUE})")
    long intervalMs;

    @Option(names = "--once", description = "look (and cosign) once and exit")
    boolean once;

    @Override
    public Integer call() throws InterruptedException {
        if (!Logs.isUrl(log)) {
            throw new UsageError("--log must be the log server's http(s) URL, to send cosignatures to");
        }
        var keyLog = UsageError.of(() -> KeyFiles.load(key));
        WitnessKeyFile keys = UsageError.of(() -> WitnessKeyFile.loadOrCreate(data, name));
        String vkey = keys.signer().verifierKey().encode();
        if (keys.created()) {
            System.out.println("created the witness key " + data.resolve(WitnessKeyFile.KEY) + " (keep it secret)."
                    + " Ask the log operator to add this line to the log's DATA/witnesses:");
        } else {
            System.out.println("witness key:");
        }
        System.out.println(vkey);
        HttpLog published = HttpLog.discover(UsageError.of(() -> Logs.url(log)));
        Watcher watcher = new Watcher(keyLog);
        Cosigner cosigner = new Cosigner(keyLog, keys.signer(), () -> System.currentTimeMillis() / 1000);
        StateFile state = new StateFile(data.resolve(STATE));
        while (true) {
            Optional<SignedCheckpoint> last =
                    state.read().map(n -> watcher.open(n, state.path().toString()));
            try {
                Cosigner.Step step = cosigner.step(published, last);
                if (step instanceof Cosigner.Refused r) {
                    System.out.print(WatchCommand.alarm(
                            r.alarm(), published.location(), state.path() + ", the last checkpoint cosigned"));
                    System.out.println("refused to cosign.");
                    System.out.flush();
                    return Main.REJECTED;
                }
                if (step instanceof Cosigner.Cosigned c) {
                    state.write(c.checkpoint().format());
                    published.submit(c.note());
                    System.out.printf(
                            "cosigned tree size %,d; the log accepted the cosignature%n",
                            c.checkpoint().checkpoint().size());
                } else if (step instanceof Cosigner.AlreadyCosigned a && once) {
                    System.out.printf(
                            "tree size %,d already carries this witness's cosignature%n",
                            a.checkpoint().checkpoint().size());
                }
            } catch (LogUnavailableException e) {
                if (once) {
                    throw e;
                }
                System.err.println("warning: " + e.getMessage() + "; retrying");
            }
            System.out.flush();
            if (once) {
                return Main.OK;
            }
            Thread.sleep(intervalMs);
        }
    }
}

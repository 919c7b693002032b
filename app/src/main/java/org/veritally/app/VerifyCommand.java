package org.veritally.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.veritally.translog.VerifierKey;
import org.veritally.verify.Report;
import org.veritally.verify.ReportFormat;
import org.veritally.verify.Verifier;
import org.veritally.verify.io.HttpPolicy;
import org.veritally.verify.io.KeyFiles;
import org.veritally.verify.io.Logs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code veritally verify}: re-derive a published log and its totals against a pinned key (docs/verify.md). */
@Command(
        name = "verify",
        description = {
            "Verify a published log (a directory or a URL) against a pinned log key.",
            "Every signature, hash, entry and published total is re-derived (checks VFY-SIG ... VFY-TOTALS).",
            "Exit 0 verified, 1 failed, 2 usage or I/O error."
        })
final class VerifyCommand implements Callable<Integer> {
    @Parameters(
            paramLabel = "DIR|URL",
            description = "the publication root (a `publish` output or mirror), or a log URL")
    String log;

    @Option(
            names = "--key",
            required = true,
            paramLabel = "VKEY|FILE",
            description = "the log's verifier key, pinned (as `log-key` prints it)")
    String key;

    @Option(
            names = "--witness",
            paramLabel = "VKEY|FILE",
            description = "a witness's cosignature key; repeat for several")
    List<String> witnesses = new ArrayList<>();

    @Option(
            names = "--quorum",
            paramLabel = "K",
            description = "how many of the --witness keys must have cosigned (default: all)")
    Integer quorum;

    @Option(
            names = "--http-concurrency",
            paramLabel = "N",
            description = "over HTTP: requests in flight at once, 1 to 64 (default: ${DEFAULT-VALUE})",
            defaultValue = "4")
    int httpConcurrency;

    @Option(names = "--json", description = "print the report as JSON")
    boolean json;

    @Option(
            names = "--results",
            paramLabel = "FILE",
            description = "a results file published as of an earlier log size (its logSize); checked against the"
                    + " log's first logSize entries (VFY-ASOF); repeat for several")
    List<java.nio.file.Path> asOf = new ArrayList<>();

    @Option(
            names = "--at",
            paramLabel = "N",
            description = "with --results: the log size the files must claim (refused if one says otherwise)")
    Long at;

    @Override
    public Integer call() {
        VerifierKey logKey = UsageError.of(() -> KeyFiles.load(key));
        List<VerifierKey> w = witnesses.stream()
                .map(k -> UsageError.of(() -> KeyFiles.load(k)))
                .toList();
        if (quorum != null && (w.isEmpty() || quorum < 1)) {
            throw new UsageError("--quorum needs at least one --witness key and a value of at least 1");
        }
        if (at != null && asOf.isEmpty()) throw new UsageError("--at needs at least one --results file");
        List<org.veritally.verify.AsOfFile> files = new ArrayList<>();
        for (var p : asOf) files.add(AsOfFiles.read(p, at));
        Report r = new Verifier(logKey, w, quorum == null ? 0 : quorum)
                .verify(
                        UsageError.of(() -> Logs.open(log, HttpPolicy.DEFAULT.withConcurrency(httpConcurrency))),
                        files);
        System.out.print(json ? ReportFormat.json(r) + System.lineSeparator() : ReportFormat.text(r));
        System.out.flush();
        return r.verified() ? Main.OK : Main.REJECTED;
    }
}

package org.veritally.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.veritally.verify.ReceiptCheck;
import org.veritally.verify.Report;
import org.veritally.verify.ReportFormat;
import org.veritally.verify.io.KeyFiles;
import org.veritally.verify.io.Logs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code veritally check-receipt}: a receipt's signature and inclusion proof, and optionally the log's consistency
 * since.
 */
@Command(
        name = "check-receipt",
        description = {
            "Verify a receipt (c2sp.org/tlog-proof) offline against the pinned log key.",
            "With --log, also prove from the log's tiles that the log as it is now still extends the "
                    + "receipt's checkpoint (RCPT-*).",
            "Exit 0 verified, 1 failed, 2 usage or I/O error."
        })
final class CheckReceiptCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "the receipt, as POST /api/sheets returned it in `receipt`")
    Path receipt;

    @Option(names = "--key", required = true, paramLabel = "VKEY|FILE", description = "the log's verifier key, pinned")
    String key;

    @Option(names = "--log", paramLabel = "DIR|URL", description = "the log now: check it still holds the entry")
    String log;

    @Option(names = "--json", description = "print the report as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        var check = new ReceiptCheck(UsageError.of(() -> KeyFiles.load(key)));
        String text = Files.readString(receipt, StandardCharsets.UTF_8);
        Report r = check.check(
                receipt.toString(), text, Optional.ofNullable(log).map(l -> UsageError.of(() -> Logs.open(l))));
        System.out.print(json ? ReportFormat.json(r) + System.lineSeparator() : ReportFormat.text(r));
        System.out.flush();
        return r.verified() ? Main.OK : Main.REJECTED;
    }
}

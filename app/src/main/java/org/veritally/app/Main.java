package org.veritally.app;

import java.io.PrintWriter;
import org.veritally.server.read.UsageProblem;
import org.veritally.store.DiskFull;
import org.veritally.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bin/veritally}: the command-line entry point. Exit codes: 0 ok; 1 when records were
 * rejected or a verification failed; 2 usage or I/O error, a full disk ({@code STORE-FULL}) among
 * them. Errors are one line naming the rule or the cause, never a stack trace (set
 * VERITALLY_DEBUG=1 to see one).
 */
@Command(
    name = "veritally",
    mixinStandardHelpOptions = true,
    version = "veritally 0.1.0",
    description = "Election results tabulation that anyone can check.",
    subcommands = {ImportCommand.class, ResultsCommand.class, GenerateCommand.class, RebuildCommand.class, ServeCommand.class,
        DemoCommand.class, PublishCommand.class, LogKeyCommand.class, DiscrepanciesCommand.class, AnnouncementsCommand.class, AccountsCommand.class, KeygenCommand.class, SignSheetCommand.class, StatsCommand.class,
        VerifyCommand.class, CheckReceiptCommand.class, WatchCommand.class, WitnessCommand.class, ExportCommand.class})
public final class Main implements Runnable {
  public static final int OK = 0;
  public static final int REJECTED = 1;
  public static final int USAGE = 2;

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code (used by tests in-process). */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      PrintWriter err = cmd.getErr();
      if (System.getenv("VERITALLY_DEBUG") != null) ex.printStackTrace(err);
      var full = DiskFull.find(ex);
      if (full.isPresent()) {
        err.println("error: " + full.get().getMessage());
      } else if (ex instanceof UsageProblem u) {
        err.println("error: " + u.rule().id() + ": " + u.getMessage());
      } else if (ex instanceof StoreException || ex instanceof java.io.UncheckedIOException || ex instanceof java.io.IOException) {
        err.println("error: I/O: " + ex.getMessage());
      } else if (ex instanceof IllegalArgumentException) {
        err.println("error: " + ex.getMessage());
      } else {
        err.println("error: internal: " + ex);
      }
      err.flush();
      return USAGE;
    });
    cl.setExitCodeExceptionMapper(ex -> USAGE);
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      System.err.println("error: out of memory; give the JVM more heap, e.g. JAVA_OPTS=-Xmx4g bin/veritally ...");
      return USAGE;
    }
  }
}

package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The four kinds of failure: rejected records exit 1 (CliTest); a usage error and a failure of the
 * environment exit 2; a bug exits 3 with one line {@code internal error: ...}, the stack trace only
 * under VERITALLY_DEBUG.
 */
class FailuresTest {
    @TempDir
    Path dir;

    /** A command that throws what it is given, hung under the real command tree. */
    @Command(name = "boom", description = "Throw.")
    static final class Boom implements Runnable {
        final Supplier<RuntimeException> thrown;

        Boom(Supplier<RuntimeException> thrown) {
            this.thrown = thrown;
        }

        @Override
        public void run() {
            throw thrown.get();
        }
    }

    record Ran(int code, String err) {}

    static Ran boom(Supplier<RuntimeException> thrown, boolean debug) {
        CommandLine cl = Main.commandLine();
        cl.addSubcommand("boom", new Boom(thrown));
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        int code = Main.execute(cl, debug, "boom");
        return new Ran(code, err.toString());
    }

    @Test
    void aBugExitsThreeWithOneLineAndNoStackTrace() {
        for (Supplier<RuntimeException> bug : java.util.List.<Supplier<RuntimeException>>of(
                () -> new NullPointerException("x is null"),
                () -> new IllegalStateException("no checkpoint"),
                () -> new IllegalArgumentException("a stray one"))) {
            Ran r = boom(bug, false);
            assertThat(r.code()).isEqualTo(Main.INTERNAL).isEqualTo(3);
            assertThat(r.err()).startsWith("internal error: java.lang.").doesNotContain("\tat ");
            assertThat(r.err().strip().lines()).hasSize(1);
        }
    }

    @Test
    void underDebugABugShowsItsStackTrace() {
        Ran r = boom(() -> new NullPointerException("x is null"), true);
        assertThat(r.code()).isEqualTo(Main.INTERNAL);
        assertThat(r.err())
                .contains(
                        "java.lang.NullPointerException: x is null",
                        "\tat ",
                        "internal error: java.lang.NullPointerException: x is null");
    }

    @Test
    void usageAndEnvironmentFailuresExitTwoWithOneLine() {
        Ran usage = boom(() -> new UsageError("--size must be at least 1"), false);
        assertThat(usage.code()).isEqualTo(Main.USAGE);
        assertThat(usage.err()).isEqualTo("error: --size must be at least 1" + System.lineSeparator());
        Ran store =
                boom(() -> new StoreException("database is locked", new java.sql.SQLException("SQLITE_BUSY")), false);
        assertThat(store.code()).isEqualTo(Main.USAGE);
        assertThat(store.err()).startsWith("error: I/O: database is locked").doesNotContain("\tat ");
        Ran io = boom(
                () -> new IllegalStateException(
                        "wrapped", new UncheckedIOException(new java.io.IOException("Input/output error"))),
                false);
        assertThat(io.code()).isEqualTo(Main.USAGE);
        assertThat(io.err()).startsWith("error: I/O: wrapped");
    }

    @Test
    void aUsersMistakeInALibraryCallIsAUsageErrorNotABug() {
        String data = dir.resolve("data").toString();
        CliTest.Run noAccount = CliTest.run("accounts", "revoke", "--data", data, "--id", "nobody");
        assertThat(noAccount.code()).isEqualTo(Main.USAGE);
        assertThat(noAccount.err()).contains("error: AUTH-ACCOUNT", "nobody").doesNotContain("internal error", "\tat ");
        CliTest.Run badRole = CliTest.run("accounts", "add", "--data", data, "--id", "a", "--role", "king");
        assertThat(badRole.code()).isEqualTo(Main.USAGE);
        assertThat(badRole.err()).doesNotContain("internal error");
        CliTest.Run badFormat = CliTest.run(
                "export",
                "--data",
                data,
                "--format",
                "pdf",
                "--out",
                dir.resolve("x").toString());
        assertThat(badFormat.code()).isEqualTo(Main.USAGE);
        assertThat(badFormat.err()).contains("unknown --format 'pdf'").doesNotContain("internal error");
        CliTest.Run badGenerate = CliTest.run(
                "generate",
                "--stations",
                "0",
                "--seed",
                "1",
                "--out",
                dir.resolve("g").toString());
        assertThat(badGenerate.code()).isEqualTo(Main.USAGE);
        assertThat(badGenerate.err()).contains("need stations").doesNotContain("internal error");
    }
}

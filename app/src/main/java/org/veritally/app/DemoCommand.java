package org.veritally.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code veritally demo}: generates a demo election (2,000 stations, 2 contests, 3 sources, seed
 * 2024), imports it into a fresh data directory and serves it. An existing demo directory is
 * served as it is.
 */
@Command(name = "demo", description = "Build a demo election in a fresh data directory, serve it and print the URL.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8080", paramLabel = "N")
    int port;

    @Option(names = "--data", defaultValue = "veritally-data", paramLabel = "DIR")
    Path dir;

    @Override
    public Integer call() throws Exception {
        ServeCommand.checkPort(port);
        if (!Files.exists(dir.resolve(org.veritally.server.Instance.DB_FILE))) {
            Path gen = Files.createTempDirectory("veritally-demo");
            int rc = Main.run(
                    "generate",
                    "--stations",
                    "2000",
                    "--contests",
                    "2",
                    "--choices",
                    "6",
                    "--sources",
                    "3",
                    "--seed",
                    "2024",
                    "--out",
                    gen.toString());
            if (rc != 0) return rc;
            rc = Main.run(
                    "import",
                    "--data",
                    dir.toString(),
                    "--format",
                    "election",
                    gen.resolve("election.json").toString());
            if (rc != 0) return rc;
            rc = Main.run(
                    "import",
                    "--data",
                    dir.toString(),
                    "--format",
                    "csv",
                    "--quiet",
                    gen.resolve("sheets.csv").toString());
            if (rc != 0) return rc;
        } else {
            System.out.println("serving the existing data directory " + dir + " (delete it for a fresh demo)");
        }
        ServeCommand.serve(dir, "127.0.0.1", port);
        return Main.OK;
    }
}

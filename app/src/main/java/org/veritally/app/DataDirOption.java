package org.veritally.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data DIR} option shared by the commands; default {@code ./veritally-data}. */
public final class DataDirOption {
  @Option(names = "--data", paramLabel = "DIR", description = "data directory (default: ${DEFAULT-VALUE})", defaultValue = "veritally-data")
  Path dir;
}

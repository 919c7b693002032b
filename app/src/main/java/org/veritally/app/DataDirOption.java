package org.veritally.app;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.veritally.server.Instance;
import org.veritally.store.Database;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code --data DIR} option shared by the commands (default {@code ./veritally-data}), and
 * {@code --db URL} for the commands that can keep the log and projections in PostgreSQL instead of
 * the SQLite file {@code DIR/veritally.db}. The data directory still holds the log's keys and the
 * api-token. A command that cannot use PostgreSQL yet refuses {@code --db} rather than ignore it.
 */
public final class DataDirOption {
  /** The commands that open their data through {@link #open}. */
  static final Set<String> DATABASE_COMMANDS = Set.of("serve", "import", "results", "rebuild", "publish");

  static {
    // the PostgreSQL reader pool logs every start and stop at INFO; a command's output is not the place
    System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log.com.zaxxer.hikari", "warn");
  }

  @Spec(Spec.Target.MIXEE) CommandSpec command;

  @Option(names = "--data", paramLabel = "DIR", description = "data directory: the log's keys, the api-token and, without --db, the SQLite database (default: ${DEFAULT-VALUE})",
      defaultValue = "veritally-data")
  Path dir;

  private Optional<String> db = Optional.empty();

  @Option(names = "--db", paramLabel = "URL",
      description = "PostgreSQL database for the log and projections, as postgresql://user:password@host:port/database (serve, import, results,"
          + " rebuild, publish; default: VERITALLY_DB if set, else the SQLite file in --data)")
  void db(String url) {
    if (!DATABASE_COMMANDS.contains(command.name())) {
      throw new ParameterException(command.commandLine(), "--db is not supported by '" + command.name() + "' yet; it reads the SQLite file in --data");
    }
    try {
      Database.parse(url);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(command.commandLine(), e.getMessage());
    }
    db = Optional.of(url);
  }

  /** The database URL given with --db (or in VERITALLY_DB, for the commands that take --db). */
  Optional<String> database() {
    if (db.isPresent()) return db;
    String env = System.getenv("VERITALLY_DB");
    if (env == null || env.isBlank() || !DATABASE_COMMANDS.contains(command.name())) return Optional.empty();
    return Optional.of(env);
  }

  /** Where the log and projections are: the --db database, or the SQLite file in the data directory. */
  Database location() {
    return database().map(Database::parse).orElseGet(() -> Database.sqlite(dir.resolve(Instance.DB_FILE)));
  }

  /** Opens the data directory with its database. */
  Instance open() {
    return Instance.open(dir, database());
  }
}

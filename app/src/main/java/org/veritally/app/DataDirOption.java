package org.veritally.app;

import java.nio.file.Path;
import java.util.Optional;
import org.veritally.server.Instance;
import org.veritally.store.Database;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code --data DIR} option shared by the commands that open a data directory (default
 * {@code ./veritally-data}), and {@code --db URL} (or the environment variable {@code VERITALLY_DB})
 * to keep the log and projections in PostgreSQL instead of the SQLite file {@code DIR/veritally.db}.
 * Every command with this option opens its data through {@link #open} or {@link #location}, so each
 * takes {@code --db} the same way. The data directory still holds the log's keys and the api-token.
 */
public final class DataDirOption {
    static {
        // the PostgreSQL reader pool logs every start and stop at INFO; a command's output is not the place
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log.com.zaxxer.hikari", "warn");
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "data directory: the log's keys, the api-token and, without --db, the SQLite "
                    + "database (default: ${DEFAULT-VALUE})",
            defaultValue = "veritally-data")
    Path dir;

    private Optional<String> db = Optional.empty();

    @Option(
            names = "--db",
            paramLabel = "URL",
            description =
                    "PostgreSQL database for the log and projections, as postgresql://user:password@host:port/database"
                            + " (default: VERITALLY_DB if set, else the SQLite file in --data)")
    void db(String url) {
        try {
            Database.parse(url);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage());
        }
        db = Optional.of(url);
    }

    /** The database URL given with --db, else in VERITALLY_DB. */
    Optional<String> database() {
        if (db.isPresent()) return db;
        String env = System.getenv("VERITALLY_DB");
        return env == null || env.isBlank() ? Optional.empty() : Optional.of(env);
    }

    /** Where the log and projections are: the --db database, or the SQLite file in the data directory. */
    Database location() {
        return database().map(Database::parse).orElseGet(() -> Database.sqlite(dir.resolve(Instance.DB_FILE)));
    }

    private Optional<String> evidence = Optional.empty();

    @Option(
            names = "--evidence",
            paramLabel = "WHERE",
            description = "where evidence photos are kept: a directory, postgres (the --db database) or "
                    + "s3://bucket?endpoint=URL&region=R (default: VERITALLY_EVIDENCE if set, else DIR/evidence)")
    void evidence(String where) {
        try {
            org.veritally.store.blob.BlobLocation.parse(where);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage());
        }
        evidence = Optional.of(where);
    }

    /** Where the evidence is kept, if not in the default directory: --evidence, else VERITALLY_EVIDENCE. */
    Optional<String> evidenceLocation() {
        return evidence.isPresent()
                ? evidence
                : Optional.ofNullable(System.getenv("VERITALLY_EVIDENCE")).filter(s -> !s.isBlank());
    }

    /** Opens the data directory with its database and its evidence store. */
    Instance open() {
        Instance in = Instance.open(dir, database());
        evidenceLocation().ifPresent(in::evidenceAt);
        return in;
    }

    /** Where the evidence is: as given, else the directory {@code evidence} in the data directory. */
    String evidenceStore() {
        return evidenceLocation()
                .orElseGet(() -> org.veritally.store.blob.BlobStores.defaultDirectory(dir)
                        .toString());
    }
}

package org.veritally.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.veritally.server.Instance;
import org.veritally.server.auth.Role;
import org.veritally.translog.Parsed;
import org.veritally.translog.VerifierKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code veritally accounts}: create, list, rotate, revoke accounts and register their keys. */
@Command(
        name = "accounts",
        description = "Manage the accounts that may write: add, list, rotate, revoke, key, revoke-key.",
        subcommands = {
            AccountsCommand.Add.class,
            AccountsCommand.ListAll.class,
            AccountsCommand.Revoke.class,
            AccountsCommand.Bind.class,
            AccountsCommand.Rotate.class,
            AccountsCommand.Key.class,
            AccountsCommand.RevokeKey.class
        })
final class AccountsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static Optional<VerifierKey> key(Optional<String> text) {
        if (text.isEmpty()) return Optional.empty();
        String t = text.get();
        try {
            if (Files.isReadable(Path.of(t))) t = Files.readString(Path.of(t)).strip();
        } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
            // not a file: the key itself
        }
        if (VerifierKey.parse(t) instanceof Parsed.Ok<VerifierKey> ok) return Optional.of(ok.value());
        throw new UsageError("--public-key is not a C2SP verifier key (name+keyid+base64) nor a file holding one");
    }

    @Command(name = "add", description = "Create an account; prints its token once.")
    static final class Add implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Option(names = "--id", required = true)
        String id;

        @Option(
                names = "--role",
                required = true,
                description = "admin | authority | witness | observer | transcriber | moderator | auditor")
        String role;

        @Option(names = "--source", description = "the source it submits as (witness, observer, authority)")
        Optional<String> source;

        @Option(names = "--audit", description = "auditor: the audit whose hand counts it records (AUD-BOARD)")
        Optional<String> audit;

        @Option(
                names = "--public-key",
                paramLabel = "VKEY|FILE",
                description = "an Ed25519 verifier key; its sheets must then be signed")
        Optional<String> publicKey;

        @Override
        public Integer call() {
            Role r = UsageError.of(
                    () -> Role.ofWire(role), "--role '" + role + "' is not admin | authority | witness | observer");
            if (audit.isPresent() != (r == Role.AUDITOR))
                throw new UsageError(
                        r == Role.AUDITOR
                                ? "--audit is required for role auditor: the audit it counts for (AUD-BOARD)"
                                : "--audit is for role auditor only");
            boolean sourceless = r == Role.ADMIN || r == Role.AUDITOR || r == Role.TRANSCRIBER || r == Role.MODERATOR;
            if (!sourceless && source.isEmpty()) throw new UsageError("--source is required for role " + role);
            if (r == Role.AUDITOR && source.isPresent()) throw new UsageError("an auditor is bound to no source");
            try (Instance in = data.open()) {
                if (audit.isPresent() && in.state().audits().audit(audit.get()).isEmpty())
                    throw new UsageError("--audit: no audit '" + audit.get() + "' is defined (audit define)");
                String src = audit.orElse(source.orElse(""));
                if (!src.isEmpty()
                        && r != Role.AUDITOR
                        && in.state().election().isPresent()
                        && in.state().tabulation().sourceIndex(src) < 0) {
                    throw new UsageError("source '" + src
                            + "' is not declared (declare it in the election definition or with import --source)");
                }
                var k = key(publicKey);
                // on PostgreSQL this takes the sequencer's lock, so a refusal (a serve instance holds it) comes before
                // the account exists
                var registry = k.isPresent()
                        ? Optional.of(in.keyRegistry())
                        : Optional.<org.veritally.server.intake.RegisterKey>empty();
                var c = UsageError.of(() -> in.accounts().create(id, r, src, Optional.empty()));
                registry.ifPresent(reg -> UsageError.of(() -> reg.register(in.accounts(), id, k.get())));
                System.out.println("account " + id + " (" + r.wire()
                        + (src.isEmpty() ? "" : (r == Role.AUDITOR ? ", audit " : ", source ") + src) + ")"
                        + (k.isPresent() ? ", key registered in the log" : ""));
                System.out.println("token (shown once, store it safely):");
                System.out.println(c.token());
                return Main.OK;
            }
        }
    }

    @Command(name = "list", description = "List the accounts (never their tokens).")
    static final class ListAll implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Override
        public Integer call() {
            try (Instance in = data.open()) {
                for (var a : in.accounts().all()) {
                    System.out.printf(
                            "%-20s %-10s %-20s %s%s%n",
                            a.id(),
                            a.role().wire(),
                            a.source(),
                            a.publicKey().map(VerifierKey::encode).orElse("-"),
                            a.revoked() ? "  REVOKED" : "");
                }
                return Main.OK;
            }
        }
    }

    @Command(name = "revoke", description = "Revoke an account: its token stops working at once.")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Option(names = "--id", required = true)
        String id;

        @Override
        public Integer call() {
            try (Instance in = data.open()) {
                UsageError.of(() -> {
                    in.accounts().revoke(id);
                    return id;
                });
                System.out.println("account " + id + " revoked");
                return Main.OK;
            }
        }
    }

    @Command(
            name = "bind",
            description = "Bind an auditor account to another audit: its token records hand counts for that audit only"
                    + " (AUD-BOARD).")
    static final class Bind implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Option(names = "--id", required = true)
        String id;

        @Option(names = "--audit", required = true, description = "the audit whose hand counts it records from now on")
        String audit;

        @Override
        public Integer call() {
            try (Instance in = data.open()) {
                if (in.state().audits().audit(audit).isEmpty())
                    throw new UsageError("--audit: no audit '" + audit + "' is defined (audit define)");
                UsageError.of(() -> {
                    in.accounts().bindAudit(id, audit);
                    return id;
                });
                System.out.println("account " + id + " (auditor) is bound to audit " + audit);
                return Main.OK;
            }
        }
    }

    @Command(name = "rotate", description = "Issue a new token; the old one stops working.")
    static final class Rotate implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Option(names = "--id", required = true)
        String id;

        @Override
        public Integer call() {
            try (Instance in = data.open()) {
                System.out.println("new token for " + id + " (shown once):");
                System.out.println(UsageError.of(() -> in.accounts().rotate(id)));
                return Main.OK;
            }
        }
    }

    @Command(
            name = "key",
            description = {
                "Register an account's Ed25519 verifier key; recorded in the log.",
                "While its source has a live key, the new key needs that key's endorsement (endorse-key, then "
                        + "--endorsed): the operator cannot swap it (KEY-ROTATE).",
                "An account bound to no source (transcriber, moderator, auditor) gets an account key: its "
                        + "transcriptions, flags and reports must then be signed (TR-SIGN)."
            })
    static final class Key implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Option(names = "--id", required = true)
        String id;

        @Option(names = "--public-key", paramLabel = "VKEY|FILE", description = "the key, unendorsed")
        Optional<String> publicKey;

        @Option(
                names = "--endorsed",
                paramLabel = "FILE",
                description = "the output of endorse-key: the key with a live key's endorsement")
        Optional<Path> endorsed;

        @Override
        public Integer call() {
            if (publicKey.isPresent() == endorsed.isPresent())
                throw new UsageError("give exactly one of --public-key and --endorsed");
            try (Instance in = data.open()) {
                if (publicKey.isPresent()) {
                    var k = key(publicKey).orElseThrow();
                    long idx = UsageError.of(() -> in.keyRegistry().register(in.accounts(), id, k));
                    System.out.println("key of " + id + " recorded at log index " + idx);
                    return Main.OK;
                }
                var entry = endorsedEntry(in, endorsed.get());
                var r = in.keyRegistry()
                        .register(in.accounts(), entry, "admin", endorsed.get().toString());
                if (!r.problems().isEmpty()) {
                    r.problems().forEach(p -> System.err.println(p));
                    return Main.REJECTED;
                }
                System.out.println("endorsed key of " + id + " recorded at log index " + r.index()
                        + (r.idempotent() ? " (already in the log)" : ""));
                return Main.OK;
            }
        }

        private org.veritally.core.entry.KeyEntry endorsedEntry(Instance in, Path file) {
            java.util.Map<String, Object> m;
            try {
                m = org.veritally.formats.canonical.JsonTree.asObject(
                        org.veritally.formats.canonical.JsonTree.parse(Files.readAllBytes(file)));
            } catch (java.io.IOException e) {
                throw new UsageError("cannot read " + file + ": " + e.getMessage());
            } catch (org.veritally.formats.canonical.JsonTree.JsonError | ClassCastException e) {
                throw new UsageError(file + ": not the JSON object endorse-key prints");
            }
            if (!(m.get("account") instanceof String a && a.equals(id)))
                throw new UsageError(file + ": its account is not '" + id + "'");
            if (!(m.get("key") instanceof String k
                    && m.get("endorser") instanceof String by
                    && m.get("endorsement") instanceof String sig))
                throw new UsageError(file + ": needs key, endorser and endorsement");
            var account = UsageError.of(
                    () -> in.accounts().find(id).orElseThrow(() -> new UsageError("no account '" + id + "'")));
            var vk = key(Optional.of(k)).orElseThrow();
            byte[] bytes;
            try {
                bytes = java.util.Base64.getDecoder().decode(sig);
            } catch (IllegalArgumentException e) {
                throw new UsageError(file + ": endorsement is not base64");
            }
            return new org.veritally.core.entry.KeyEntry(
                    id,
                    account.keySource(),
                    vk.encode(),
                    Optional.empty(),
                    Optional.of(new org.veritally.core.entry.SheetSignature(by, bytes)));
        }
    }

    @Command(
            name = "revoke-key",
            description = {
                "Revoke an account's key, in public: a revocation entry in the log, shown on the source's page.",
                "An unendorsed new key of the source then counts only after the election's cooling-off period "
                        + "(KEY-COOL)."
            })
    static final class RevokeKey implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Option(names = "--id", required = true)
        String id;

        @Option(names = "--reason", required = true, description = "why, as the log will show it")
        String reason;

        @Override
        public Integer call() {
            try (Instance in = data.open()) {
                long idx = UsageError.of(() -> in.keyRegistry().revoke(in.accounts(), id, reason));
                System.out.println("key of " + id + " revoked at log index " + idx);
                return Main.OK;
            }
        }
    }
}

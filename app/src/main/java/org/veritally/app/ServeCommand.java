package org.veritally.app;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.veritally.server.Instance;
import org.veritally.server.http.ApiServer;
import org.veritally.server.http.WriteToken;
import org.veritally.server.ops.OpsConfig;
import org.veritally.server.ops.RateLimit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code veritally serve}: the HTTP API over a data directory, until interrupted. Limits, headers and
 * the request log are described in docs/operations.md and docs/security.md.
 */
@Command(name = "serve", description = "Serve the HTTP API (binds to 127.0.0.1 by default).")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "N")
    int port;

    @Option(
            names = "--originals-to",
            defaultValue = "admin",
            paramLabel = "ROLES",
            description = "roles that may read the original photos (they may hold GPS and device serials), "
                    + "comma-separated (default: ${DEFAULT-VALUE}); the public copies are for everyone")
    String originalsTo;

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            paramLabel = "ADDR",
            description = "address to bind (default: ${DEFAULT-VALUE})")
    String host;

    @Option(
            names = "--rate-limit-account",
            defaultValue = "20/s:200",
            paramLabel = "RATE",
            converter = RateLimitConverter.class,
            description = "writes per account: N/s, N/m or N/h, optionally :BURST, or off (default: ${DEFAULT-VALUE})")
    RateLimit perAccount;

    @Option(
            names = "--rate-limit-address",
            defaultValue = "50/s:500",
            paramLabel = "RATE",
            converter = RateLimitConverter.class,
            description = "writes per client address (IPv6: per /64) (default: ${DEFAULT-VALUE})")
    RateLimit perAddress;

    @Option(
            names = "--rate-limit-reads",
            defaultValue = "off",
            paramLabel = "RATE",
            converter = RateLimitConverter.class,
            description = "reads per client address; off by default, reads are meant for a cache or CDN "
                    + "(default: ${DEFAULT-VALUE})")
    RateLimit reads;

    @Option(
            names = "--max-body",
            defaultValue = "65536",
            paramLabel = "BYTES",
            description = "largest request body accepted (default: ${DEFAULT-VALUE})")
    int maxBody;

    @Option(
            names = "--behind-tls",
            description = "clients reach this server over HTTPS (a TLS proxy in front): send Strict-Transport-Security")
    boolean behindTls;

    @Option(
            names = "--client-address-header",
            paramLabel = "NAME",
            description = "header in which a trusted reverse proxy passes the client's address (e.g. "
                    + "X-Forwarded-For); default: the socket address")
    String clientAddressHeader;

    @Option(
            names = "--request-log",
            defaultValue = "json",
            paramLabel = "json|off",
            description = "one JSON line per request (default: ${DEFAULT-VALUE})")
    String requestLog;

    @Option(
            names = "--integrity-check-every",
            defaultValue = "1h",
            paramLabel = "DURATION",
            converter = IntervalConverter.class,
            description = "how often to check the log's bytes against its signed checkpoint and the projections "
                    + "against the log, after the check at start-up: N s|m|h, or 0 for start-up only "
                    + "(default: ${DEFAULT-VALUE})")
    java.time.Duration integrityEvery;

    @Option(
            names = "--max-event-streams",
            defaultValue = "10000",
            paramLabel = "N",
            description = "most concurrent live event streams (GET /api/events); one more is answered 503 "
                    + "SRV-STREAMS with Retry-After (default: ${DEFAULT-VALUE})")
    int maxEventStreams;

    /** Parses {@code N s|m|h} (or an ISO-8601 duration); picocli reports the exception's message as a usage error. */
    static final class IntervalConverter implements picocli.CommandLine.ITypeConverter<java.time.Duration> {
        @Override
        public java.time.Duration convert(String value) {
            var m = java.util.regex.Pattern.compile("([0-9]{1,9})\\s*([smh]?)").matcher(value.strip());
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "h" -> java.time.Duration.ofHours(n);
                    case "m" -> java.time.Duration.ofMinutes(n);
                    default -> java.time.Duration.ofSeconds(n);
                };
            }
            try {
                var d = java.time.Duration.parse(value.strip());
                if (!d.isNegative()) return d;
            } catch (java.time.format.DateTimeParseException e) {
                // reported below
            }
            throw new IllegalArgumentException("'" + value + "' is not a duration such as 30m, 1h or 0");
        }
    }

    /** Parses a {@link RateLimit}; picocli reports the exception's message as a usage error. */
    static final class RateLimitConverter implements picocli.CommandLine.ITypeConverter<RateLimit> {
        @Override
        public RateLimit convert(String value) {
            return RateLimit.parse(value);
        }
    }

    @Override
    public Integer call() throws Exception {
        if (!requestLog.equals("json") && !requestLog.equals("off"))
            throw new UsageError("--request-log must be json or off");
        if (maxBody < 1) throw new UsageError("--max-body must be at least 1");
        var ops = OpsConfig.defaults()
                .withRateLimits(perAccount, perAddress, reads)
                .withMaxBody(maxBody)
                .withTls(behindTls)
                .withClientAddressHeader(Optional.ofNullable(clientAddressHeader))
                .withRequestLog(requestLog.equals("json"))
                .withIntegrityInterval(integrityEvery);
        java.util.Set<org.veritally.server.auth.Role> readers = new java.util.HashSet<>();
        for (String r : originalsTo.split(",", -1)) {
            readers.add(UsageError.of(
                    () -> org.veritally.server.auth.Role.ofWire(r.strip()),
                    "--originals-to: '" + r + "' is not admin | authority | witness | observer"));
        }
        if (maxEventStreams < 0) throw new UsageError("--max-event-streams must not be negative");
        serve(
                data.dir,
                data.database(),
                data.evidenceLocation(),
                readers,
                host,
                port,
                ops,
                org.veritally.server.live.LiveConfig.defaults().withMaxStreams(maxEventStreams));
        return Main.OK;
    }

    /** A --port outside 0-65535 is the user's mistake, not the server's (Jetty throws an IllegalArgumentException). */
    static void checkPort(int port) {
        if (port < 0 || port > 65535) throw new UsageError("--port " + port + " is not a TCP port (0-65535)");
    }

    static void serve(java.nio.file.Path dir, String host, int port) throws Exception {
        serve(dir, host, port, OpsConfig.defaults());
    }

    static void serve(java.nio.file.Path dir, String host, int port, OpsConfig ops) throws Exception {
        serve(dir, Optional.empty(), host, port, ops);
    }

    /**
     * Serves the data directory; with a PostgreSQL {@code db}, as one of several instances on that
     * database (a cluster node takes the sequencer's lock when it is free and routes writes meanwhile).
     */
    static void serve(java.nio.file.Path dir, Optional<String> db, String host, int port, OpsConfig ops)
            throws Exception {
        serve(dir, db, Optional.empty(), java.util.Set.of(org.veritally.server.auth.Role.ADMIN), host, port, ops);
    }

    /** As above, with the evidence kept at {@code evidence} and originals readable by the roles {@code originals}. */
    static void serve(
            java.nio.file.Path dir,
            Optional<String> db,
            Optional<String> evidence,
            java.util.Set<org.veritally.server.auth.Role> originals,
            String host,
            int port,
            OpsConfig ops)
            throws Exception {
        serve(dir, db, evidence, originals, host, port, ops, org.veritally.server.live.LiveConfig.defaults());
    }

    /** As above, with the limits of the live event stream {@code live}. */
    static void serve(
            java.nio.file.Path dir,
            Optional<String> db,
            Optional<String> evidence,
            java.util.Set<org.veritally.server.auth.Role> originals,
            String host,
            int port,
            OpsConfig ops,
            org.veritally.server.live.LiveConfig live)
            throws Exception {
        checkPort(port);
        structuredLogs();
        long t0 = System.nanoTime();
        // the web stack's classes load on the other core while this thread opens the state (issue 15)
        Thread web = new Thread(ApiServer::warmUp, "veritally-warm-web");
        web.setDaemon(true);
        web.start();
        Instance in = Instance.open(dir, db);
        // how the state was loaded (a snapshot or the projections, and why): a server's line; other commands
        // open the same way without saying so (StartState logs it at debug)
        org.slf4j.LoggerFactory.getLogger("veritally.startup")
                .info("{}; opened in {} ms", in.startUp().note(), (System.nanoTime() - t0) / 1_000_000);
        in.liveWith(live);
        evidence.ifPresent(in::evidenceAt);
        in.originalsReadableBy(originals);
        if (db.isPresent()) org.veritally.server.cluster.ClusterNode.start(in);
        var routes = new java.util.ArrayList<org.veritally.server.http.Routes>();
        routes.add(new org.veritally.server.log.LogRoutes(
                in.store(), in.keys(), org.veritally.server.log.Witnesses.load(dir)));
        routes.add(new org.veritally.server.stats.StatsRoutes(in));
        routes.add(new org.veritally.server.http.TimelineRoutes(in)); // before the site's /{lang}/<path>
        routes.add(new org.veritally.web.WebSite(in));
        ApiServer api = new ApiServer(in, WriteToken.load(dir), routes, ops).start(host, port);
        // once listening, in the background: reads are answered meanwhile, /readyz is not ready until it passes
        in.integrity().start(ops.integrityInterval());
        // the snapshots of the state that as-of pages start from, taken off the intake path (issue 18)
        in.asOf().snapshots().ifPresent(s -> s.start(java.time.Duration.ofSeconds(5)));
        // the catalogue image the next start-up restores a snapshot over (issue 15), if the one on disk is short
        Thread image = new Thread(
                () -> {
                    try {
                        in.keepCatalogueImage();
                    } catch (RuntimeException e) {
                        org.slf4j.LoggerFactory.getLogger("veritally.startup")
                                .warn("the catalogue image was not written: {}", e.toString());
                    }
                },
                "veritally-catalogue-image");
        image.setDaemon(true);
        image.setPriority(Thread.MIN_PRIORITY);
        image.start();
        String url = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + api.port() + "/";
        System.out.printf(
                "Veritally serving %s (log size %,d) at %s — started in %.1f s%n",
                db.isPresent() ? in.store().database() + " with keys in " + dir : dir,
                in.state().logSize(),
                url,
                (System.nanoTime() - t0) / 1e9);
        System.out.println("API: " + url + "api/election   log: " + url + "log/checkpoint   write token: "
                + dir.resolve(WriteToken.FILE));
        System.out.println("health: " + url + "healthz   ready: " + url + "readyz   metrics: " + url
                + "metrics   limits: account " + ops.perAccount() + ", address " + ops.perAddress() + ", reads "
                + ops.reads() + ", body " + ops.maxBodyBytes() + " B, event streams " + live.maxStreams());
        System.out.println("log verifier key: " + in.keys().verifierKey().encode());
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            api.close();
            in.close();
            stop.countDown();
        }));
        stop.await();
    }

    /**
     * slf4j-simple settings for a server, unless the operator set them ({@code -D} or
     * {@code simplelogger.properties}): lines go to standard error as {@code LEVEL logger - message},
     * with no thread name, so a request line reads {@code INFO veritally.http - {"time":…}}. Must run
     * before the first logger is created.
     */
    private static void structuredLogs() {
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
    }
}

package org.veritally.app;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.veritally.server.Instance;
import org.veritally.server.http.ApiServer;
import org.veritally.server.http.WriteToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code veritally serve}: the HTTP API over a data directory, until interrupted. */
@Command(name = "serve", description = "Serve the HTTP API (binds to 127.0.0.1 by default).")
final class ServeCommand implements Callable<Integer> {
  @Mixin DataDirOption data;

  @Option(names = "--port", defaultValue = "8080", paramLabel = "N") int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDR", description = "address to bind (default: ${DEFAULT-VALUE})")
  String host;

  @Override
  public Integer call() throws Exception {
    serve(data.dir, host, port);
    return Main.OK;
  }

  static void serve(java.nio.file.Path dir, String host, int port) throws Exception {
    long t0 = System.nanoTime();
    Instance in = Instance.open(dir);
    var routes = new java.util.ArrayList<org.veritally.server.http.Routes>();
    routes.add(new org.veritally.server.log.LogRoutes(in.store(), in.keys(), org.veritally.server.log.Witnesses.load(dir)));
    routes.add(new org.veritally.server.stats.StatsRoutes(in));
    routes.add(new org.veritally.web.WebSite(in));
    ApiServer api = new ApiServer(in, WriteToken.load(dir), routes).start(host, port);
    String url = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + api.port() + "/";
    System.out.printf("Veritally serving %s (log size %,d) at %s — started in %.1f s%n", dir, in.state().logSize(), url, (System.nanoTime() - t0) / 1e9);
    System.out.println("API: " + url + "api/election   log: " + url + "log/checkpoint   write token: " + dir.resolve(WriteToken.FILE));
    System.out.println("log verifier key: " + in.keys().verifierKey().encode());
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      api.close();
      in.close();
      stop.countDown();
    }));
    stop.await();
  }
}

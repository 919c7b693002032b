package org.veritally.app;

import java.util.concurrent.Callable;
import org.veritally.core.announce.Figure;
import org.veritally.server.Instance;
import org.veritally.server.http.Json;
import org.veritally.server.read.ReadAnnouncements;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code veritally announcements}: every announcement judged against the sheets in hand. */
@Command(
        name = "announcements",
        description = "Judge every announcement of the authority against the sheets in hand, per view.")
final class AnnouncementsCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
        try (Instance in = data.open()) {
            var reports = new ReadAnnouncements(in.state(), in.store()).all();
            if (json) {
                System.out.println(Json.pretty(reports));
                return Main.OK;
            }
            if (reports.isEmpty())
                System.out.println("no announcement recorded (import one with --format announcement)");
            for (var r : reports) {
                var a = r.announcement();
                System.out.printf("%s — %s (%s), log index %d%n", a.id(), a.title(), a.time(), r.logIndex());
                r.lead()
                        .ifPresent(lead -> System.out.printf(
                                "  lead: %s over %s by %,d with %,d registered voters not yet counted (%s): %s%n",
                                lead.leader(),
                                lead.runnerUp(),
                                lead.margin(),
                                lead.unreportedRegistered(),
                                lead.basis(),
                                lead.irreversible() ? "irreversible" : "NOT irreversible"));
                for (var v : r.views()) {
                    if (v.stationsInHand() == 0) continue;
                    System.out.printf(
                            "  view %s: %,d stations in hand%s%n",
                            v.view(), v.stationsInHand(), v.contradicted() ? " — CONTRADICTED" : "");
                    for (Figure f : v.figures()) {
                        System.out.printf(
                                "    %-22s announced %,12d  %-18s %s%n",
                                f.name(), f.announced(), f.status().wire(), f.explanation());
                    }
                }
            }
            return Main.OK;
        }
    }
}

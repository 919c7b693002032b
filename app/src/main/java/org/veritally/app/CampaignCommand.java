package org.veritally.app;

import java.util.concurrent.Callable;
import org.veritally.server.Instance;
import org.veritally.server.http.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code veritally campaign status [--json]}: a transcription campaign's progress (docs/transcription.md). */
@Command(
        name = "campaign",
        description = "A transcription campaign's progress.",
        subcommands = {CampaignCommand.Status.class})
final class CampaignCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(
            name = "status",
            description = "Photos by how much work they have and by status, volunteers' agreement, paused accounts.")
    static final class Status implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Option(names = "--json", description = "print JSON")
        boolean json;

        @Override
        public Integer call() {
            try (Instance in = data.open()) {
                if (in.state().election().isEmpty()) throw new UsageError("no election defined in " + data.dir);
                var s = in.transcription().status();
                if (json) {
                    System.out.println(Json.pretty(s.json()));
                    return Main.OK;
                }
                int[] open = s.openByWork();
                System.out.printf("%,d photos queued%n", s.photos());
                for (int c = 0; c < open.length; c++)
                    System.out.printf("  open with %d transcription%s: %,d%n", c, c == 1 ? "" : "s", open[c]);
                s.byStatus().forEach((k, v) -> System.out.printf("  %s: %,d%n", k.wire(), v));
                s.peer()
                        .forEach((a, p) ->
                                System.out.printf("  %s agrees with %d of %d decided photos%n", a, p[1], p[0]));
                if (!s.paused().isEmpty()) System.out.println("paused: " + String.join(", ", s.paused()));
                return Main.OK;
            }
        }
    }
}

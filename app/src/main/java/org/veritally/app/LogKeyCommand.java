package org.veritally.app;

import java.util.concurrent.Callable;
import org.veritally.server.Instance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code veritally log-key}: the log's verifier key, to pin. */
@Command(
        name = "log-key",
        description = "Print the log's verifier key (C2SP signed-note form); its last line is the key.")
final class LogKeyCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Override
    public Integer call() {
        try (Instance in = data.open()) {
            System.out.println("# origin: " + in.keys().origin() + "; pin this key to verify the log:");
            System.out.println(in.keys().verifierKey().encode());
            return Main.OK;
        }
    }
}

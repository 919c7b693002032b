package org.veritally.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.veritally.formats.csv.SheetRow;

/**
 * Parses an input on its own thread while the caller writes the previous batch, so CSV parsing and
 * database work overlap on two cores. Batches arrive in file order; at most two wait in the queue.
 * A parser failure is rethrown to the caller. Not reusable.
 */
final class RowPipeline {
    private static final List<SheetRow> END = List.of();

    private RowPipeline() {}

    static void run(Consumer<Consumer<SheetRow>> reader, int batchSize, Consumer<List<SheetRow>> writer) {
        BlockingQueue<List<SheetRow>> queue = new ArrayBlockingQueue<>(2);
        RuntimeException[] failure = new RuntimeException[1];
        Thread parser = new Thread(
                () -> {
                    List<SheetRow> batch = new ArrayList<>(batchSize);
                    try {
                        reader.accept(row -> {
                            batch.add(row);
                            if (batch.size() >= batchSize) {
                                put(queue, new ArrayList<>(batch));
                                batch.clear();
                            }
                        });
                        if (!batch.isEmpty()) put(queue, new ArrayList<>(batch));
                    } catch (RuntimeException e) {
                        failure[0] = e;
                    } finally {
                        put(queue, END);
                    }
                },
                "veritally-parse");
        parser.setDaemon(true);
        parser.start();
        try {
            for (List<SheetRow> b = queue.take(); b != END; b = queue.take()) writer.accept(b);
            parser.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (failure[0] != null) throw failure[0];
    }

    private static void put(BlockingQueue<List<SheetRow>> q, List<SheetRow> b) {
        try {
            q.put(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

package org.veritally.web.model;

import java.util.List;
import org.veritally.core.announce.Figure;

/**
 * An announcement judged in one view: the view (its wire value and label, a message key when
 * {@code translated}), the stations and registered voters in hand out of the totals, the most
 * stations the announcement's coverage claim lets it leave out, every figure's verdict, and the
 * denominator the totals rest on ({@code universe} or {@code catalogue}, docs/coverage.md).
 */
public record ViewCheck(
        String view,
        String label,
        boolean translated,
        long stationsTotal,
        long stationsInHand,
        long registeredTotal,
        long registeredInHand,
        long excludedAtMost,
        List<FigureCheck> figures,
        String denominator) {
    public ViewCheck {
        figures = List.copyOf(figures);
    }

    public long contradicted() {
        return figures.stream()
                .filter(f -> f.status() == Figure.Status.CONTRADICTED)
                .count();
    }

    public boolean checkable() {
        return stationsInHand > 0;
    }
}

package org.veritally.web.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.veritally.web.model.CandidateLine;
import org.veritally.web.model.ChildRow;
import org.veritally.web.model.ChildSort;
import org.veritally.web.model.Coverage;

class ChildOrderTest {
    static ChildRow row(String id, String name, long in, long valid, long k1) {
        return new ChildRow(id, name, new Coverage(in, 10, 0, 0), valid, List.of(k1));
    }

    static List<String> order(List<ChildRow> rows, String sort) {
        List<ChildRow> r = new ArrayList<>(rows);
        r.sort(ChildOrder.of(
                ChildSort.parse(sort), List.of(new CandidateLine("K1", "A", 0)), Locale.forLanguageTag("es")));
        return r.stream().map(ChildRow::unitId).toList();
    }

    final List<ChildRow> rows = List.of(
            row("a", "Mesa 10", 5, 100, 10),
            row("b", "Mesa 2", 9, 300, 90),
            row("c", "Ávila", 1, 200, 100),
            row("d", "mesa 02", 5, 50, 5));

    @Test
    void namesSortByCollationWithNumbersAsNumbers() {
        assertThat(order(rows, "name")).containsExactly("c", "b", "d", "a");
        assertThat(order(rows, "-name")).containsExactly("a", "b", "d", "c");
    }

    @Test
    void numericColumnsSortByValueWithTiesBrokenById() {
        assertThat(order(rows, "-coverage")).containsExactly("b", "a", "d", "c");
        assertThat(order(rows, "valid")).containsExactly("d", "a", "c", "b");
        assertThat(order(rows, "-share:K1")).containsExactly("c", "b", "a", "d");
    }

    @Test
    void unknownSortsFallBackToName() {
        assertThat(ChildSort.parse("drop table")).isEqualTo(ChildSort.DEFAULT);
        assertThat(ChildSort.parse("-share:")).isEqualTo(ChildSort.DEFAULT);
    }
}

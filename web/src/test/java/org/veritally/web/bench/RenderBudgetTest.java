package org.veritally.web.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A short run of {@link UnitRenderBench} in the build, with a loose bound (5× the 20 ms target, as
 * CI shares two cores) so a gross regression fails; the real figure comes from the bench's main.
 */
class RenderBudgetTest {
    @Test
    void aUnitWithAThousandChildrenRendersWellUnderBudget() throws Exception {
        var r = UnitRenderBench.measure(150, 200);
        System.out.println(r);
        assertThat(r.p99()).as(r.toString()).isLessThan(100);
    }
}

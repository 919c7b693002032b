package org.veritally.stats.power;

import java.util.Locale;
import org.veritally.stats.RuleId;

/**
 * Writes a {@link PowerStudy.Result} as a Markdown table (one row per check, one column per configuration)
 * and as tab-separated values (rule, manipulation, fraction, rate) for the statistics page. Stateless.
 */
public final class PowerTable {
    private PowerTable() {}

    /** The Markdown table: false alarms on clean elections, then detection per manipulation and size. */
    public static String markdown(PowerStudy.Result r) {
        StringBuilder sb = new StringBuilder("| check |");
        StringBuilder rule = new StringBuilder("|---|");
        for (PowerStudy.Row row : r.rows()) {
            sb.append(' ').append(header(row)).append(" |");
            rule.append("---:|");
        }
        sb.append('\n').append(rule).append('\n');
        for (RuleId id : PowerStudy.RULES) {
            sb.append("| `").append(id.code()).append("` |");
            for (PowerStudy.Row row : r.rows()) {
                sb.append(' ').append(percent(row.rates().get(id))).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** What the study ran: stations, elections per column, seed, level and replicates. */
    public static String about(PowerStudy.Result r) {
        return String.format(
                Locale.ROOT,
                "%d stations per election, %d elections per column, seed %d, alpha %.2f, %d Monte Carlo replicates",
                r.stations(),
                r.elections(),
                r.seed(),
                r.alpha(),
                r.replicates());
    }

    /** "# " and {@link #about}, a header line, then rule, manipulation, fraction, rate: one line per cell. */
    public static String tsv(PowerStudy.Result r) {
        StringBuilder sb = new StringBuilder("# " + about(r) + "\n");
        sb.append("rule\tmanipulation\tfraction\trate\n");
        for (PowerStudy.Row row : r.rows()) {
            for (RuleId id : PowerStudy.RULES) {
                sb.append(id.code())
                        .append('\t')
                        .append(row.manipulation().name())
                        .append('\t')
                        .append(String.format(Locale.ROOT, "%.2f", row.fraction()))
                        .append('\t')
                        .append(String.format(Locale.ROOT, "%.4f", row.rates().get(id)))
                        .append('\n');
            }
        }
        return sb.toString();
    }

    private static String header(PowerStudy.Row row) {
        return row.manipulation() == Manipulation.NONE
                ? "false alarms (clean)"
                : String.format(Locale.ROOT, "%s %.0f%%", row.manipulation().label(), 100 * row.fraction());
    }

    private static String percent(double x) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * x);
    }
}

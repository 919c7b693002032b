package org.veritally.server.stats;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.veritally.stats.RuleId;
import org.veritally.stats.announced.RoundSharesResult;
import org.veritally.stats.outliers.Outlier;
import org.veritally.stats.quickcount.SampleSizeResult;

/**
 * The JSON shape of the statistics, shared by the API ({@code /api/stats/...}) and the CLI ({@code stats ...
 * --json}); documented in {@code docs/statistics.md}. Each method returns a tree of maps, lists, strings,
 * numbers and booleans for {@link org.veritally.server.http.Json}.
 *
 * <p>Records become objects by component name, so every field of a {@code stats} result (its rule, its
 * caveat, its seed) reaches the reader; a rule is written as its code ({@code ST-2BL}), an empty {@code
 * Optional} and a non-finite number (a share of nothing) as {@code null}. Each response also lists its rules
 * with their caveat and citation under {@code rules}. Stateless and thread-safe.
 */
public final class StatsJson {
    /** How many flagged stations each outlier rule lists when not told otherwise. */
    public static final int DEFAULT_MAX_LISTED = 50;

    private StatsJson() {}

    /** {@code stats forensics}: every check; per outlier rule the count and the first {@code maxListed} stations. */
    public static Map<String, Object> forensics(ViewForensics f, int maxListed) {
        var r = f.report();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("contest", f.contest());
        m.put("view", f.view());
        m.put("stations", f.stations());
        m.put("catalogueStations", f.catalogueStations());
        m.put("logSize", f.logSize());
        m.put("candidates", candidates(f.candidates()));
        m.put("totals", tree(r.totals()));
        m.put("options", tree(r.options()));
        m.put("secondDigits", tree(r.secondDigits()));
        m.put("lastDigits", tree(r.lastDigits()));
        m.put("fingerprint", tree(r.fingerprint()));
        m.put("integerTurnout", tree(r.integerTurnout()));
        m.put("integerShare", tree(r.integerShare()));
        List<Object> outliers = new ArrayList<>();
        new java.util.TreeMap<>(r.outlierCounts()).forEach((rule, count) -> {
            List<Object> listed = new ArrayList<>();
            for (Outlier o : r.outliers()) {
                if (o.rule() == rule && listed.size() < maxListed) {
                    Map<String, Object> x = new LinkedHashMap<>();
                    x.put("stationId", o.stationId());
                    x.put("centreId", o.centreId());
                    x.put("candidateId", o.candidateId().orElse(null));
                    x.put("observed", finite(o.observed()));
                    x.put("threshold", finite(o.threshold()));
                    x.put("detail", o.detail());
                    listed.add(x);
                }
            }
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("rule", rule.code());
            g.put("count", count);
            g.put("listed", listed);
            g.put("truncated", count > listed.size());
            g.put("caveat", rule.caveat());
            outliers.add(g);
        });
        m.put("outliers", outliers);
        List<RuleId> rules = new ArrayList<>(List.of(
                RuleId.ST_2BL,
                RuleId.ST_LD_UNIF,
                RuleId.ST_LD_REPEAT,
                RuleId.ST_LD_ADJ,
                RuleId.ST_FP,
                RuleId.ST_INTPCT_TURNOUT,
                RuleId.ST_INTPCT_SHARE));
        rules.addAll(new java.util.TreeSet<>(r.outlierCounts().keySet()));
        m.put("rules", rules(rules));
        return m;
    }

    /** {@code stats quickcount}: the plan, the sample with what is in, the estimate and the comparisons. */
    public static Map<String, Object> quickCount(ViewQuickCount q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", RuleId.ST_QC.code());
        m.put("contest", q.contest());
        m.put("view", q.view());
        m.put("seed", q.plan().seed());
        m.put("size", q.plan().sampleSize());
        m.put("strataLevel", tree(q.strata()));
        m.put("candidates", candidates(q.candidates()));
        m.put("received", q.received().size());
        m.put("estimate", tree(q.estimate()));
        m.put("comparisons", tree(q.comparisons()));
        m.put("strata", tree(q.plan().strata()));
        List<Object> sample = new ArrayList<>();
        for (var s : q.plan().stations()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("stationId", s.stationId());
            x.put("stratum", s.stratum());
            x.put("ticket", s.ticket());
            x.put("received", q.received().contains(s.stationId()));
            sample.add(x);
        }
        m.put("sample", sample);
        m.put("caveat", RuleId.ST_QC.caveat());
        m.put("rules", rules(List.of(RuleId.ST_QC)));
        return m;
    }

    /** {@code stats irreversible}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> irreversibility(ViewIrreversibility v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", RuleId.ST_IRREV.code());
        m.putAll((Map<String, Object>) tree(v));
        m.put("rules", rules(List.of(RuleId.ST_IRREV)));
        return m;
    }

    /** {@code stats round-shares}: the shares found and the chance under the null as {@code probability}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> roundShares(RoundSharesResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        ((Map<String, Object>) tree(r)).forEach((k, v) -> m.put(k.equals("chance") ? "probability" : k, v));
        m.put("rules", rules(List.of(RuleId.ST_ROUND)));
        return m;
    }

    /** {@code stats sample-size}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> sampleSize(SampleSizeResult r) {
        Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) tree(r));
        m.put("rules", rules(List.of(RuleId.ST_QC_SIZE)));
        return m;
    }

    private static List<Object> candidates(org.veritally.stats.CandidateSet c) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", c.id(i));
            x.put("name", c.name(i));
            out.add(x);
        }
        return out;
    }

    private static List<Object> rules(List<RuleId> rules) {
        List<Object> out = new ArrayList<>();
        for (RuleId r : rules) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", r.code());
            x.put("caveat", r.caveat());
            x.put("citation", r.source());
            out.add(x);
        }
        return out;
    }

    private static Object finite(double d) {
        return Double.isFinite(d) ? d : null;
    }

    /** The JSON tree of {@code value}: records by component, rules by code, empty optionals as null. */
    static Object tree(Object value) {
        if (value == null) {
            return null;
        } else if (value instanceof RuleId r) {
            return r.code();
        } else if (value instanceof Enum<?> e) {
            return e.name();
        } else if (value instanceof Double d) {
            return finite(d);
        } else if (value instanceof Float f) {
            return finite(f);
        } else if (value instanceof Number || value instanceof String || value instanceof Boolean) {
            return value;
        } else if (value instanceof Optional<?> o) {
            return o.map(StatsJson::tree).orElse(null);
        } else if (value instanceof OptionalLong o) {
            return o.isPresent() ? o.getAsLong() : null;
        } else if (value instanceof OptionalInt o) {
            return o.isPresent() ? o.getAsInt() : null;
        } else if (value instanceof OptionalDouble o) {
            return o.isPresent() ? finite(o.getAsDouble()) : null;
        } else if (value instanceof long[] a) {
            return java.util.Arrays.stream(a).boxed().toList();
        } else if (value instanceof int[] a) {
            return java.util.Arrays.stream(a).boxed().toList();
        } else if (value instanceof double[] a) {
            return java.util.Arrays.stream(a).mapToObj(StatsJson::finite).toList();
        } else if (value instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            c.forEach(x -> out.add(tree(x)));
            return out;
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(tree(k)), tree(v)));
            return out;
        } else if (value instanceof Record rec) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (RecordComponent c : rec.getClass().getRecordComponents()) {
                try {
                    out.put(c.getName(), tree(c.getAccessor().invoke(rec)));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + c + " of " + rec.getClass(), e);
                }
            }
            return out;
        }
        throw new IllegalStateException("no JSON shape for " + value.getClass());
    }
}

package org.veritally.formats.entry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritally.core.model.Candidate;
import org.veritally.core.model.Choice;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;
import org.veritally.formats.canonical.Fields;

/**
 * JSON form of an {@link Election} (docs/log-format.md, "election"): members {@code id, name, root,
 * levels, turnoutAllowance, contests[{id, name, candidates[{id,name}], choices[{id,name,candidate}]}]}
 * and the optional {@code universe} ({@link UniverseJson}).
 * Stateless and thread-safe.
 */
public final class ElectionJson {
    /** The largest {@code consensusMinSources} (docs/log-format.md §1.1); more is EL-DEF, not silently less. */
    public static final int MAX_MIN_SOURCES = 1000;

    private ElectionJson() {}

    public static Map<String, Object> toTree(Election e) {
        var m = new LinkedHashMap<String, Object>();
        m.put("kind", "election");
        m.put("v", 1L);
        m.put("id", e.id());
        m.put("name", e.name());
        m.put("root", e.rootUnitId());
        m.put("levels", List.copyOf(e.levels()));
        m.put("turnoutAllowance", e.turnoutAllowance());
        m.put("consensusMinSources", (long) e.consensus().minSources());
        // omitted at its default, so logs written before it existed keep their bytes (docs/log-format.md §1.1)
        if (e.keyCoolingOffHours() != Election.DEFAULT_KEY_COOLING_OFF_HOURS)
            m.put("keyCoolingOffHours", e.keyCoolingOffHours());
        var contests = new ArrayList<Object>();
        for (Contest c : e.contests()) {
            var cm = new LinkedHashMap<String, Object>();
            cm.put("id", c.id());
            cm.put("name", c.name());
            var cands = new ArrayList<Object>();
            for (Candidate k : c.candidates()) cands.add(Map.of("id", k.id(), "name", k.name()));
            var choices = new ArrayList<Object>();
            for (Choice ch : c.choices())
                choices.add(Map.of("id", ch.id(), "name", ch.name(), "candidate", ch.candidateId()));
            cm.put("candidates", cands);
            cm.put("choices", choices);
            contests.add(cm);
        }
        m.put("contests", contests);
        e.universe().ifPresent(u -> m.put("universe", UniverseJson.toTree(u)));
        // omitted at its default, as keyCoolingOffHours is (docs/log-format.md §1.1)
        if (!e.transcription().equals(org.veritally.core.model.TranscriptionPolicy.DEFAULT))
            m.put("transcription", transcriptionTree(e.transcription()));
        return m;
    }

    /** {@code {agree, most, reportThreshold?}}: the threshold omitted at its default (old logs stay byte-identical). */
    private static Map<String, Object> transcriptionTree(org.veritally.core.model.TranscriptionPolicy p) {
        Map<String, Object> t = new java.util.LinkedHashMap<>();
        t.put("agree", (long) p.agree());
        t.put("most", (long) p.most());
        if (p.reportThreshold() != org.veritally.core.model.TranscriptionPolicy.DEFAULT_REPORT_THRESHOLD)
            t.put("reportThreshold", (long) p.reportThreshold());
        if (p.machineVoter()) t.put("machineVoter", 1L); // entries hold no booleans (log-format §2)
        return t;
    }

    /** Reads the members of an election from {@code f} (the caller handles kind, v and end()). */
    public static Optional<Election> read(Fields f, List<Problem> problems) {
        int before = problems.size();
        String id = f.str("id");
        String name = f.str("name");
        String root = f.str("root");
        List<String> levels = new ArrayList<>();
        List<Object> ll = f.list("levels");
        for (int i = 0; i < ll.size(); i++) {
            if (ll.get(i) instanceof String s) levels.add(s);
            else
                problems.add(
                        new Problem(Rule.IN_FIELD, f.path() + ".levels[" + i + "]", "a level name must be a string"));
        }
        long allowance = f.has("turnoutAllowance") ? f.count("turnoutAllowance") : 0;
        long minSources = f.has("consensusMinSources")
                ? f.count("consensusMinSources")
                : org.veritally.core.reconcile.ConsensusPolicy.DEFAULT.minSources();
        if (minSources > MAX_MIN_SOURCES) {
            problems.add(new Problem(
                    Rule.EL_DEF,
                    f.path() + ".consensusMinSources",
                    "consensusMinSources must be 1 to " + MAX_MIN_SOURCES + ", not " + minSources));
        }
        long cooling =
                f.has("keyCoolingOffHours") ? f.count("keyCoolingOffHours") : Election.DEFAULT_KEY_COOLING_OFF_HOURS;
        if (cooling > Election.MAX_KEY_COOLING_OFF_HOURS) {
            problems.add(new Problem(
                    Rule.EL_DEF,
                    f.path() + ".keyCoolingOffHours",
                    "keyCoolingOffHours must be 0 to " + Election.MAX_KEY_COOLING_OFF_HOURS + ", not " + cooling));
        }
        Optional<org.veritally.core.model.Universe> universe =
                f.has("universe") ? UniverseJson.read(f.obj("universe"), problems) : Optional.empty();
        var transcription = org.veritally.core.model.TranscriptionPolicy.DEFAULT;
        if (f.has("transcription")) {
            Fields t = f.obj("transcription");
            long agree = t.optCount("agree", org.veritally.core.model.TranscriptionPolicy.DEFAULT.agree());
            long most = t.optCount("most", org.veritally.core.model.TranscriptionPolicy.DEFAULT.most());
            long reports = t.optCount(
                    "reportThreshold", org.veritally.core.model.TranscriptionPolicy.DEFAULT_REPORT_THRESHOLD);
            long machine = t.optCount("machineVoter", 0);
            t.end();
            if (machine > 1)
                problems.add(new Problem(Rule.EL_DEF, t.path() + ".machineVoter", "machineVoter is 0 or 1"));
            try {
                transcription = new org.veritally.core.model.TranscriptionPolicy(
                        (int) Math.min(agree, 99),
                        (int) Math.min(most, 99),
                        (int) Math.min(reports, 100_000),
                        machine == 1);
            } catch (IllegalArgumentException ex) {
                problems.add(new Problem(Rule.EL_DEF, t.path(), ex.getMessage()));
            }
        }
        var policy = transcription;
        List<Contest> contests = new ArrayList<>();
        List<Object> cl = f.list("contests");
        for (int i = 0; i < cl.size(); i++) {
            Fields c = new Fields(cl.get(i), f.path() + ".contests[" + i + "]", problems);
            String cid = c.str("id");
            String cname = c.str("name");
            List<Candidate> cands = new ArrayList<>();
            List<Object> kl = c.list("candidates");
            for (int j = 0; j < kl.size(); j++) {
                Fields k = new Fields(kl.get(j), c.path() + ".candidates[" + j + "]", problems);
                String kid = k.str("id");
                String kname = k.str("name");
                k.end();
                attempt(() -> cands.add(new Candidate(kid, kname)), k.path(), problems);
            }
            List<Choice> choices = new ArrayList<>();
            List<Object> hl = c.list("choices");
            for (int j = 0; j < hl.size(); j++) {
                Fields h = new Fields(hl.get(j), c.path() + ".choices[" + j + "]", problems);
                String hid = h.str("id");
                String hname = h.str("name");
                String hc = h.str("candidate");
                h.end();
                attempt(() -> choices.add(new Choice(hid, hname, hc)), h.path(), problems);
            }
            c.end();
            if (problems.size() == before)
                attempt(() -> contests.add(new Contest(cid, cname, choices, cands)), c.path(), problems);
        }
        if (problems.size() > before) return Optional.empty();
        Election[] out = new Election[1];
        attempt(
                () -> out[0] = new Election(
                        id,
                        name,
                        root,
                        levels,
                        contests,
                        allowance,
                        new org.veritally.core.reconcile.ConsensusPolicy((int) minSources),
                        cooling,
                        universe,
                        policy),
                f.path(),
                problems);
        return Optional.ofNullable(out[0]);
    }

    /** Runs a constructor whose preconditions encode definition rules; failures become EL-DEF problems. */
    static void attempt(Runnable r, String path, List<Problem> problems) {
        try {
            r.run();
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(Rule.EL_DEF, path, e.getMessage()));
        }
    }
}

package org.veritally.formats.qr;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.veritally.core.validation.Problem;

/**
 * Reassembles boletins from their QR parts, read in any order, from any number of photos or lines. Part 1
 * names the section ({@link Boletim#IDENTITY}); a later part names nothing, so it is linked by the hash chain: part
 * k belongs to the boletim whose parts 1..k-1 make its HASH come out ({@link HashChain}). The parts read just before
 * and just after it are tried first, so a boletim whose parts are adjacent in the input (in either order) links in
 * one or two hashes per part; otherwise a part costs up to one hash per boletim waiting for it (quadratic: 4,000
 * two-part boletins shuffled take about 30 s, in order under 1 s; docs/formats.md).
 *
 * <p>Identical repeats of a payload are dropped and counted. Refused, with every boletim involved, under BU-PART: a
 * missing part, a second and different part k linking to the same boletim, a part giving another part count, a part
 * k linking to nothing when no boletim waits for a part k, and two different boletins for one section. A part k
 * that links to nothing while some boletim waits for its part k is BU-HASH (altered, or its boletim's earlier
 * parts were never read). Not thread-safe: one assembler per input.
 */
public final class Boletins {
    private final List<BoletimPart> parts = new ArrayList<>();
    private final Set<String> payloads = new HashSet<>();
    private int repeats;

    /** What was assembled: the complete boletins, the problems of what could not be, and the repeats dropped. */
    public record Assembly(List<Boletim> boletins, List<Problem> problems, int repeats) {
        public Assembly {
            boletins = List.copyOf(boletins);
            problems = List.copyOf(problems);
        }
    }

    /** Adds one part; an identical repeat of a payload already added is dropped. */
    public void add(BoletimPart part) {
        if (!payloads.add(part.payload())) {
            repeats++;
            return;
        }
        parts.add(part);
    }

    /** A boletim being assembled: its parts so far, the digest after them, where each part was in the input. */
    private static final class Chain {
        final List<BoletimPart> parts = new ArrayList<>();
        final List<Integer> positions = new ArrayList<>();
        MessageDigest after = HashChain.sha512();
        final List<Problem> problems = new ArrayList<>();

        void append(BoletimPart p, int position) {
            parts.add(p);
            positions.add(position);
            after = HashChain.after(after, p);
        }

        /** The digest state before part {@code k} (1-based), recomputed for a part linking below the top. */
        MessageDigest before(int k) {
            MessageDigest d = HashChain.sha512();
            for (int i = 0; i < k - 1; i++) d = HashChain.after(d, parts.get(i));
            return d;
        }
    }

    /** Links every part added so far into boletins. */
    public Assembly assemble() {
        List<Problem> problems = new ArrayList<>();
        List<Chain> chains = new ArrayList<>();
        Map<Integer, Chain> byPosition = new HashMap<>();
        TreeMap<Integer, List<Integer>> later = new TreeMap<>();
        for (int i = 0; i < parts.size(); i++) {
            BoletimPart p = parts.get(i);
            if (p.index() == 1) {
                Chain c = new Chain();
                c.append(p, i);
                chains.add(c);
                byPosition.put(i, c);
            } else {
                later.computeIfAbsent(p.index(), k -> new ArrayList<>()).add(i);
            }
        }
        for (var level : later.entrySet()) {
            int k = level.getKey();
            for (int pos : level.getValue()) link(parts.get(pos), pos, k, chains, byPosition, problems);
        }
        List<Boletim> out = new ArrayList<>();
        Map<String, List<Chain>> bySection = new LinkedHashMap<>();
        for (Chain c : chains) {
            BoletimPart first = c.parts.get(0);
            for (BoletimPart p : c.parts)
                if (p.count() != first.count())
                    c.problems.add(Problem.mismatch(
                            BoletimRule.BU_PART,
                            p.where(),
                            "this part gives another part count than part 1",
                            first.count(),
                            p.count()));
            if (c.parts.size() < first.count())
                c.problems.add(new Problem(
                        BoletimRule.BU_PART,
                        new Boletim(c.parts).where(),
                        "parts " + (c.parts.size() + 1) + ".." + first.count() + " of " + first.count()
                                + " are missing"));
            Boletim.identity(first)
                    .ifPresent(id -> bySection
                            .computeIfAbsent(id, x -> new ArrayList<>())
                            .add(c));
        }
        for (var e : bySection.entrySet()) {
            if (e.getValue().size() < 2) continue;
            String wheres = e.getValue().stream()
                    .map(c -> new Boletim(c.parts).where())
                    .toList()
                    .toString();
            for (Chain c : e.getValue())
                c.problems.add(new Problem(
                        BoletimRule.BU_PART,
                        new Boletim(c.parts).where(),
                        "two different boletins for " + e.getKey() + ": " + wheres));
        }
        for (Chain c : chains) {
            if (c.problems.isEmpty()) out.add(new Boletim(c.parts));
            else problems.addAll(c.problems);
        }
        return new Assembly(out, problems, repeats);
    }

    private static void link(
            BoletimPart p, int pos, int k, List<Chain> chains, Map<Integer, Chain> byPosition, List<Problem> problems) {
        Chain before = byPosition.get(pos - 1);
        Chain after = byPosition.get(pos + 1);
        Chain found = null;
        if (before != null && fits(before, p, k)) found = before;
        else if (after != null && after != before && fits(after, p, k)) found = after;
        else {
            for (Chain c : chains) {
                if (c != before && c != after && fits(c, p, k)) {
                    found = c;
                    break;
                }
            }
        }
        if (found == null) {
            boolean waiting = chains.stream().anyMatch(c -> c.parts.size() == k - 1);
            problems.add(new Problem(
                    waiting ? BoletimRule.BU_HASH : BoletimRule.BU_PART,
                    p.where(),
                    waiting
                            ? "part " + k + " links to no boletim read: its HASH is not the chain's over any parts 1.."
                                    + (k - 1) + " read (altered, or its earlier parts were not read)"
                            : "part " + k + " links to no boletim: no part " + (k - 1) + " was read for it"));
            return;
        }
        if (found.parts.size() >= k) {
            found.problems.add(new Problem(
                    BoletimRule.BU_PART,
                    p.where(),
                    "a second, different part " + k + " for the boletim of "
                            + found.parts.get(k - 1).where()));
            return;
        }
        found.append(p, pos);
        byPosition.put(pos, found);
    }

    /** Whether part {@code p} (index k) links after parts 1..k-1 of {@code c}. */
    private static boolean fits(Chain c, BoletimPart p, int k) {
        if (c.parts.size() < k - 1) return false;
        MessageDigest before = c.parts.size() == k - 1 ? c.after : c.before(k);
        return HashChain.links(before, p);
    }
}

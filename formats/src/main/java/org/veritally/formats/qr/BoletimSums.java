package org.veritally.formats.qr;

import java.util.ArrayList;
import java.util.List;
import org.veritally.core.validation.Problem;

/**
 * The arithmetic of a boletim (../shared/README.md): BU-TURNOUT {@code COMP + FALT = APTO}; per office BU-TOTAL
 * {@code NOMI (+ LEGC) + BRAN + NULO = TOTC}, and BU-SUM: the candidate votes add up to {@code NOMI}, each party's
 * candidate votes + {@code LEGP} to its {@code TOTP}, and the parties' {@code LEGP} to {@code LEGC}. Each problem
 * carries the expected and the printed value. Stateless and thread-safe.
 */
public final class BoletimSums {
    private BoletimSums() {}

    /** Every arithmetic problem of {@code c}, located at {@code where}. */
    public static List<Problem> check(BoletimContent c, String where) {
        List<Problem> ps = new ArrayList<>(0);
        long comp = c.count("COMP");
        long falt = c.count("FALT");
        if (comp + falt != c.count("APTO"))
            ps.add(Problem.mismatch(
                    BoletimRule.BU_TURNOUT,
                    where,
                    "COMP " + comp + " + FALT " + falt + " is not APTO",
                    comp + falt,
                    c.count("APTO")));
        for (Office o : c.offices()) office(o, where + " CARG:" + o.office(), ps);
        return ps;
    }

    private static void office(Office o, String at, List<Problem> ps) {
        long sum = 0;
        for (long v : o.candidates().values()) sum += v;
        if (sum != o.nomi())
            ps.add(Problem.mismatch(
                    BoletimRule.BU_SUM, at, "the candidate votes do not add up to NOMI", sum, o.nomi()));
        long legp = 0;
        for (Office.Party p : o.parties()) {
            long party = p.legp();
            for (String n : p.candidates()) party += o.candidates().get(n);
            if (party != p.totp())
                ps.add(Problem.mismatch(
                        BoletimRule.BU_SUM,
                        at + " PART:" + p.number(),
                        "the party's candidate votes + LEGP are not TOTP",
                        party,
                        p.totp()));
            legp += p.legp();
        }
        if (!o.parties().isEmpty() && legp != o.legc().orElse(0L))
            ps.add(Problem.mismatch(
                    BoletimRule.BU_SUM,
                    at,
                    "the parties' LEGP do not add up to LEGC",
                    legp,
                    o.legc().orElse(0L)));
        long total = o.valid() + o.bran() + o.nulo();
        if (total != o.totc())
            ps.add(Problem.mismatch(
                    BoletimRule.BU_TOTAL,
                    at,
                    "NOMI" + (o.legc().isPresent() ? " + LEGC" : "") + " + BRAN + NULO is not TOTC",
                    total,
                    o.totc()));
    }
}

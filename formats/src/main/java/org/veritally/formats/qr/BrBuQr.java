package org.veritally.formats.qr;

import java.util.ArrayList;
import java.util.List;
import org.veritally.core.validation.Problem;

/**
 * Format {@code br-bu-qr}: Brazilian boletim-de-urna QR payloads (docs/formats.md). Reading a set of payloads is
 * parse each ({@link BoletimQr}), reassemble ({@link Boletins}), verify ({@link BoletimVerifier}); what becomes of
 * the verified boletins is {@link BrBuElection}'s. Pure: payloads in, boletins and problems out, in input order.
 * Stateless and thread-safe; the verification runs on the common fork-join pool.
 */
public final class BrBuQr {
    public static final String FORMAT = "br-bu-qr";

    private BrBuQr() {}

    /** The boletins that verified, every problem of the others, and how many identical repeats were dropped. */
    public record Reading(List<BoletimVerifier.Verification> verified, List<Problem> problems, int repeats) {
        public Reading {
            verified = List.copyOf(verified);
            problems = List.copyOf(problems);
        }

        /** The verified boletins' contents, in input order. */
        public List<BoletimContent> contents() {
            return verified.stream().map(v -> v.content().orElseThrow()).toList();
        }
    }

    public static Reading read(List<BoletimPayloads.Located> payloads, BoletimKeys keys) {
        List<Problem> ps = new ArrayList<>();
        Boletins assembler = new Boletins();
        for (var p : payloads) {
            var parsed = BoletimQr.parse(p.payload(), p.where());
            ps.addAll(parsed.problems());
            parsed.part().ifPresent(assembler::add);
        }
        var assembly = assembler.assemble();
        ps.addAll(assembly.problems());
        BoletimVerifier verifier = new BoletimVerifier(keys);
        List<BoletimVerifier.Verification> ok = new ArrayList<>();
        // Ed25519 verification dominates (about 1 ms a boletim on the JDK's provider): spread over the cores
        var verifications =
                assembly.boletins().parallelStream().map(verifier::verify).toList();
        for (var v : verifications) {
            if (v.verified()) ok.add(v);
            else ps.addAll(v.problems());
        }
        return new Reading(ok, ps, assembly.repeats());
    }
}

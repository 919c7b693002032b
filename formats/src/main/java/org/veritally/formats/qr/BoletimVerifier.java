package org.veritally.formats.qr;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.veritally.core.validation.Problem;

/**
 * Verifies an assembled {@link Boletim}: its hash chain (BU-HASH, every part), its content (BU-SYNTAX), the
 * Ed25519 signature {@code ASSI} of its last part over the 64 raw bytes of the last hash, by the key of its state
 * {@code UNFE} (BU-SIG; BU-UNSIGNED without one, BU-KEY for a state with no key), and its arithmetic
 * ({@link BoletimSums}). The signature is checked only over a chain that holds. Every problem is reported, each
 * with the rule and the parts' location. Immutable and thread-safe.
 */
public final class BoletimVerifier {
    private final BoletimKeys keys;

    public BoletimVerifier(BoletimKeys keys) {
        this.keys = keys;
    }

    /** The outcome: the content when no rule is broken, and every problem found. */
    public record Verification(Boletim boletim, Optional<BoletimContent> content, List<Problem> problems) {
        public Verification {
            problems = List.copyOf(problems);
            if (content.isPresent() != problems.isEmpty())
                throw new IllegalArgumentException("content exactly when no problem");
        }

        public boolean verified() {
            return problems.isEmpty();
        }
    }

    public Verification verify(Boletim b) {
        List<Problem> ps = new ArrayList<>(0);
        boolean chain = chain(b, ps);
        var parsed = BoletimContent.parse(b);
        ps.addAll(parsed.problems());
        if (parsed.content().isPresent()) {
            BoletimContent c = parsed.content().get();
            if (chain) signature(b, c.state(), ps);
            ps.addAll(BoletimSums.check(c, b.where()));
        }
        return new Verification(b, ps.isEmpty() ? parsed.content() : Optional.empty(), ps);
    }

    private static boolean chain(Boletim b, List<Problem> ps) {
        List<byte[]> computed = HashChain.computed(b.parts());
        boolean ok = true;
        for (int i = 0; i < computed.size(); i++) {
            BoletimPart p = b.parts().get(i);
            if (!MessageDigest.isEqual(computed.get(i), HexFormat.of().parseHex(p.hashHex()))) {
                ps.add(Problem.mismatch(
                        BoletimRule.BU_HASH,
                        p.where(),
                        "HASH of part " + p.index() + " is not the SHA-512 of its chain",
                        HexFormat.of().withUpperCase().formatHex(computed.get(i)),
                        p.hashHex()));
                ok = false;
            }
        }
        return ok;
    }

    private void signature(Boletim b, String state, List<Problem> ps) {
        BoletimPart last = b.last();
        if (last.signatureHex().isEmpty()) {
            ps.add(new Problem(BoletimRule.BU_UNSIGNED, last.where(), "no ASSI signature on the last part"));
            return;
        }
        var key = keys.key(state);
        if (key.isEmpty()) {
            ps.add(new Problem(
                    BoletimRule.BU_KEY,
                    last.where(),
                    "no key for state " + state + " (o" + state.toLowerCase(java.util.Locale.ROOT) + "qrcode.pub)"));
            return;
        }
        boolean ok;
        try {
            Signature v = Signature.getInstance("Ed25519");
            v.initVerify(key.get());
            v.update(HexFormat.of().parseHex(last.hashHex()));
            ok = v.verify(HexFormat.of().parseHex(last.signatureHex().get()));
        } catch (GeneralSecurityException e) {
            ok = false;
        }
        if (!ok)
            ps.add(new Problem(
                    BoletimRule.BU_SIG,
                    last.where(),
                    "ASSI does not verify with the key of state " + state + " over HASH"));
    }
}

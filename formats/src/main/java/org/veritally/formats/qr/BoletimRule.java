package org.veritally.formats.qr;

import org.veritally.core.validation.RuleId;
import org.veritally.core.validation.Severity;

/**
 * What a Brazilian boletim-de-urna QR payload must obey (../shared/README.md, "The Brazilian boletim de urna
 * QR"): its syntax, the reassembly of its parts, its SHA-512 hash chain, its Ed25519 signature by the state's key
 * and the arithmetic of its counts. Every rule refuses the boletim: a hash anyone can recompute proves nothing,
 * so an unsigned boletim, or one of a state whose key is not given, is refused too (docs/formats.md).
 *
 * <p>IDs are stable, unique across every {@link RuleId} family, listed in docs/validation.md and never reused
 * once retired. Immutable and thread-safe (an enum).
 */
public enum BoletimRule implements RuleId {
    BU_SYNTAX(
            "BU-SYNTAX",
            "the payload is not `QRBU:i:n VRQR:v [VRCH:c] <TAG:value>… HASH:<128 hex> [ASSI:<128 hex>]`, "
                    + "or its content is not a boletim (a field missing, repeated or not a count; "
                    + "an office not closed by TOTC)"),
    BU_PART(
            "BU-PART",
            "a part of a multi-part boletim is missing, repeated with other content, links to no earlier part, "
                    + "or gives another part count; or two different boletins for one section"),
    BU_HASH(
            "BU-HASH",
            "a HASH is not the SHA-512 of its part's chain (the earlier parts, their HASH tokens included, "
                    + "then its own content)"),
    BU_SIG(
            "BU-SIG",
            "the ASSI signature does not verify, by the state's Ed25519 key, over the 64 bytes of the last hash"),
    BU_UNSIGNED("BU-UNSIGNED", "the boletim's last part carries no ASSI signature"),
    BU_KEY("BU-KEY", "no key (or a malformed key file) for the boletim's state (UNFE)"),
    BU_TURNOUT("BU-TURNOUT", "COMP (voters who came) + FALT (absent) differs from APTO (voters able to vote)"),
    BU_SUM(
            "BU-SUM",
            "an office's candidate votes do not add up to NOMI, or a party's candidate votes + LEGP to TOTP, or "
                    + "the parties' LEGP to LEGC"),
    BU_TOTAL("BU-TOTAL", "an office's NOMI (+ LEGC) + BRAN + NULO differs from TOTC"),
    BU_PLEI("BU-PLEI", "the boletim is of another election (PLEI, TURN) than the one imported into");

    private final String id;
    private final String description;

    BoletimRule(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public String id() {
        return id;
    }

    /** Every such rule refuses the boletim. */
    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String description() {
        return description;
    }

    /** The ID, as messages print it. */
    @Override
    public String toString() {
        return id;
    }
}

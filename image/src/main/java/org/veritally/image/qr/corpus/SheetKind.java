package org.veritally.image.qr.corpus;

/** The two sheets the corpus prints: their shape and where their codes go. */
public enum SheetKind {
    /** A Venezuelan acta de escrutinio: an A4 page, a table of votes, the code in the bottom-right corner. */
    ACTA(1 / Math.sqrt(2), 0.28),
    /**
     * A Brazilian boletim de urna: the end of a strip of thermal paper, the codes across its width, one under
     * another. The photo frames the end of the strip where the codes are, not the whole metre of it.
     */
    BOLETIM(1 / 1.8, 0.86);

    /** Width over height. */
    final double aspect;
    /** The side of a code as a fraction of the sheet's width. */
    final double codeWidth;

    SheetKind(double aspect, double codeWidth) {
        this.aspect = aspect;
        this.codeWidth = codeWidth;
    }

    /** The kind that carries {@code payload}: a boletim for {@code QRBU:} payloads, an acta otherwise. */
    public static SheetKind of(String payload) {
        return payload.startsWith("QRBU:") ? BOLETIM : ACTA;
    }
}

package org.veritally.core.evidence;

/**
 * What a machine read from a photo: a QR payload, and the format it was recognised as
 * ({@code ve-acta-qr}, {@code br-bu-qr}, or {@code qr} when unknown). A hint, never the truth on
 * its own: the photo is always shown beside it.
 */
public record MachineRead(String format, String payload) {
    public MachineRead {
        if (format.isBlank()) throw new IllegalArgumentException("a machine read names its format");
    }
}

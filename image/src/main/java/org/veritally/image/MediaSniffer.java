package org.veritally.image;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The media type of a file from its magic numbers, never from its name or a declared type. Pure and
 * thread-safe.
 *
 * <ul>
 *   <li>JPEG: {@code FF D8 FF}, the SOI marker and the next marker's prefix (ITU-T T.81 §B.1.1.3, B.2.1);
 *   <li>PNG: the 8-byte signature {@code 89 50 4E 47 0D 0A 1A 0A} (PNG, ISO/IEC 15948, §5.2);
 *   <li>WebP: {@code RIFF}, a 4-byte size, {@code WEBP} (RFC 9649 §2.5);
 *   <li>HEIC: an ISO BMFF {@code ftyp} box first (ISO/IEC 14496-12 §4.3) whose major or compatible brands
 *       name HEIF (ISO/IEC 23008-12 annex B: {@code heic heix heim heis hevc hevx mif1 msf1}), unless a
 *       brand says AVIF ({@code avif avis}), which is HEIF too but not HEIC and not accepted;
 *   <li>PDF: {@code %PDF-} at offset 0 (ISO 32000-1 §7.5.2).
 * </ul>
 */
public final class MediaSniffer {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final Set<String> HEIF_BRANDS =
            Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1");
    private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");

    private MediaSniffer() {}

    /** The type the bytes start with, or empty if none of {@link MediaType}. */
    public static Optional<MediaType> sniff(byte[] b) {
        if (startsWith(b, 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) return Optional.of(MediaType.JPEG);
        if (startsWith(b, 0, PNG)) return Optional.of(MediaType.PNG);
        if (ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) return Optional.of(MediaType.WEBP);
        if (ascii(b, 0, "%PDF-")) return Optional.of(MediaType.PDF);
        if (ascii(b, 4, "ftyp") && heic(b)) return Optional.of(MediaType.HEIC);
        return Optional.empty();
    }

    /** The brands of the {@code ftyp} box: major at 8, minor version at 12, compatible brands from 16. */
    private static boolean heic(byte[] b) {
        long boxSize = ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
        long end = Math.min(b.length, boxSize < 16 ? 16 : Math.min(boxSize, 4096));
        boolean heif = false;
        for (int at = 8; at + 4 <= end; at += at == 8 ? 8 : 4) {
            String brand = new String(b, at, 4, StandardCharsets.ISO_8859_1);
            if (AVIF_BRANDS.contains(brand)) return false;
            heif |= HEIF_BRANDS.contains(brand);
        }
        return heif;
    }

    private static boolean ascii(byte[] b, int at, String s) {
        return startsWith(b, at, s.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean startsWith(byte[] b, int at, byte[] prefix) {
        if (b.length < at + prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if (b[at + i] != prefix[i]) return false;
        }
        return true;
    }
}

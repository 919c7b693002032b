package org.veritally.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Magic numbers, never names: each accepted type's signature, HEIC brands, and what is none of them. */
class MediaSnifferTest {
    @Test
    void jpegPngWebpAndPdfAreKnownByTheirFirstBytes() {
        assertThat(MediaSniffer.sniff(hex("FFD8FFE0 00104A46"))).contains(MediaType.JPEG);
        assertThat(MediaSniffer.sniff(hex("89504E47 0D0A1A0A 0000000D"))).contains(MediaType.PNG);
        assertThat(MediaSniffer.sniff(ascii("RIFF\u001a\0\0\0WEBPVP8L"))).contains(MediaType.WEBP);
        assertThat(MediaSniffer.sniff(ascii("%PDF-1.7\n"))).contains(MediaType.PDF);
    }

    @Test
    void heicIsKnownByItsFtypBrandsAndAvifIsNot() {
        assertThat(MediaSniffer.sniff(ftyp("heic", "mif1", "heic"))).contains(MediaType.HEIC);
        assertThat(MediaSniffer.sniff(ftyp("mif1", "heic"))).contains(MediaType.HEIC);
        assertThat(MediaSniffer.sniff(ftyp("heix"))).contains(MediaType.HEIC);
        assertThat(MediaSniffer.sniff(ftyp("avif", "mif1", "miaf"))).isEmpty();
        assertThat(MediaSniffer.sniff(ftyp("isom", "mp41"))).as("an MP4 video").isEmpty();
    }

    @Test
    void prefixesTruncatedOrNearMissesAreNone() {
        assertThat(MediaSniffer.sniff(new byte[0])).isEmpty();
        assertThat(MediaSniffer.sniff(hex("FFD8"))).isEmpty();
        assertThat(MediaSniffer.sniff(hex("89504E47 0D0A1A"))).isEmpty();
        assertThat(MediaSniffer.sniff(ascii("RIFF\0\0\0\0WAVEfmt ")))
                .as("a WAV file")
                .isEmpty();
        assertThat(MediaSniffer.sniff(ascii(" %PDF-1.7"))).isEmpty();
        assertThat(MediaSniffer.sniff(ascii("GIF89a"))).isEmpty();
        assertThat(MediaSniffer.sniff(ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")))
                .isEmpty();
    }

    static byte[] ftyp(String major, String... compatible) {
        StringBuilder s = new StringBuilder("ftyp").append(major).append("\0\0\0\0");
        for (String c : compatible) s.append(c);
        byte[] body = ascii(s.toString());
        byte[] box = new byte[4 + body.length];
        box[3] = (byte) box.length;
        System.arraycopy(body, 0, box, 4, body.length);
        return box;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] hex(String s) {
        return java.util.HexFormat.of().parseHex(s.replace(" ", ""));
    }
}

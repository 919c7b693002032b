package org.veritally.testkit;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * JPEG metadata segments written by hand for the tests: an EXIF APP1 with a device, a capture time, a
 * serial number, a GPS position and an orientation (CIPA DC-008-2019, Exif 2.32: §4.5.4 the APP1 layout,
 * §4.6.2 the TIFF header and IFD structure, §4.6.4–4.6.6 the tags), an XMP APP1 (XMP part 3 §1.1.3), an
 * ICC APP2 (ICC.1:2010 annex B.4) and a COM segment (ITU-T T.81 §B.2.4.5).
 */
public final class ExifSegments {
    public static final String MAKE = "VeritallyCam";
    public static final String MODEL = "Witness One";
    public static final String SERIAL = "SN-0042-WITNESS";
    public static final String COMMENT = "taken outside school 12 by the witness";

    private ExifSegments() {}

    /** {@code jpeg} with {@code segments} inserted right after its SOI marker. */
    public static byte[] afterSoi(byte[] jpeg, byte[]... segments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        for (byte[] s : segments) out.writeBytes(s);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** An EXIF APP1: lat/lon in degrees (south/west negative), orientation 1–8. */
    public static byte[] exif(double lat, double lon, int orientation) {
        List<Field> ifd0 = new ArrayList<>(
                List.of(Field.ascii(0x010F, MAKE), Field.ascii(0x0110, MODEL), Field.shortValue(0x0112, orientation)));
        List<Field> exifIfd = List.of(
                Field.ascii(0x9003, "2026:06:07 18:42:05"), Field.ascii(0x9011, "-05:00"), Field.ascii(0xA431, SERIAL));
        List<Field> gps = List.of(
                new Field(0x0000, 1, 4, new byte[] {2, 3, 0, 0}),
                Field.ascii(0x0001, lat < 0 ? "S" : "N"),
                Field.degrees(0x0002, Math.abs(lat)),
                Field.ascii(0x0003, lon < 0 ? "W" : "E"),
                Field.degrees(0x0004, Math.abs(lon)));
        int exifAt = 8 + size(ifd0.size() + 2, ifd0);
        int gpsAt = exifAt + size(exifIfd.size(), exifIfd);
        ifd0.add(Field.longValue(0x8769, exifAt));
        ifd0.add(Field.longValue(0x8825, gpsAt));
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        tiff.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
        tiff.writeBytes(ifd(ifd0, 8));
        tiff.writeBytes(ifd(exifIfd, exifAt));
        tiff.writeBytes(ifd(gps, gpsAt));
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        payload.writeBytes(tiff.toByteArray());
        return segment(0xE1, payload.toByteArray());
    }

    public static byte[] xmp(String gpsLatitude) {
        String xml = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF"
                + " xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description"
                + " xmlns:exif=\"http://ns.adobe.com/exif/1.0/\" exif:GPSLatitude=\"" + gpsLatitude
                + "\"/></rdf:RDF></x:xmpmeta>";
        return segment(0xE1, ("http://ns.adobe.com/xap/1.0/\0" + xml).getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] icc() {
        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes("ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1));
        payload.write(1);
        payload.write(1);
        payload.writeBytes(profile);
        return segment(0xE2, payload.toByteArray());
    }

    public static byte[] comment() {
        return segment(0xFE, COMMENT.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] segment(int marker, byte[] payload) {
        int length = payload.length + 2;
        if (length > 0xFFFF) throw new IllegalArgumentException("segment too long");
        ByteBuffer b = ByteBuffer.allocate(2 + length);
        b.put((byte) 0xFF).put((byte) marker).putShort((short) length).put(payload);
        return b.array();
    }

    /** Bytes of an IFD of {@code entries} entries whose out-of-line values are {@code fields}'. */
    private static int size(int entries, List<Field> fields) {
        int data = 0;
        for (Field f : fields) data += f.value.length > 4 ? even(f.value.length) : 0;
        return 2 + 12 * entries + 4 + data;
    }

    private static int even(int n) {
        return n + (n & 1);
    }

    /** The IFD at offset {@code at} of the TIFF stream: entries, next-IFD 0, then the long values. */
    private static byte[] ifd(List<Field> fields, int at) {
        int dataAt = at + 2 + 12 * fields.size() + 4;
        ByteBuffer entries = ByteBuffer.allocate(2 + 12 * fields.size() + 4);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        entries.putShort((short) fields.size());
        for (Field f : fields) {
            entries.putShort((short) f.tag).putShort((short) f.type).putInt(f.count);
            if (f.value.length <= 4) {
                byte[] inline = new byte[4];
                System.arraycopy(f.value, 0, inline, 0, f.value.length);
                entries.put(inline);
            } else {
                entries.putInt(dataAt + data.size());
                data.writeBytes(f.value);
                if ((f.value.length & 1) == 1) data.write(0);
            }
        }
        entries.putInt(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(entries.array());
        out.writeBytes(data.toByteArray());
        return out.toByteArray();
    }

    /** One IFD entry, big-endian: TIFF types 1 BYTE, 2 ASCII, 3 SHORT, 4 LONG, 5 RATIONAL. */
    record Field(int tag, int type, int count, byte[] value) {
        static Field ascii(int tag, String s) {
            byte[] b = (s + "\0").getBytes(StandardCharsets.US_ASCII);
            return new Field(tag, 2, b.length, b);
        }

        static Field shortValue(int tag, int v) {
            return new Field(
                    tag, 3, 1, ByteBuffer.allocate(2).putShort((short) v).array());
        }

        static Field longValue(int tag, long v) {
            return new Field(tag, 4, 1, ByteBuffer.allocate(4).putInt((int) v).array());
        }

        /** Degrees, minutes, seconds as three rationals (Exif 2.32 §4.6.6 GPSLatitude). */
        static Field degrees(int tag, double value) {
            long deg = (long) value;
            double minutes = (value - deg) * 60;
            long min = (long) minutes;
            long secHundredths = Math.round((minutes - min) * 60 * 100);
            ByteBuffer b = ByteBuffer.allocate(24);
            b.putInt((int) deg)
                    .putInt(1)
                    .putInt((int) min)
                    .putInt(1)
                    .putInt((int) secHundredths)
                    .putInt(100);
            return new Field(tag, 5, 3, b.array());
        }
    }
}

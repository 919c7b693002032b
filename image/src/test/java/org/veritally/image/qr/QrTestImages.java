package org.veritally.image.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Map;

/** Small hand-made images for the reader's tests: white canvases with codes drawn at given places. */
final class QrTestImages {
    private QrTestImages() {}

    static BufferedImage canvas(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return img;
    }

    /** Draws {@code payload} as a QR code (level M) with {@code module} pixels a module, top-left at (x, y). */
    static void draw(BufferedImage img, String payload, int x, int y, int module) {
        BitMatrix m;
        try {
            m = new QRCodeWriter()
                    .encode(
                            payload,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException(e);
        }
        Graphics2D g = img.createGraphics();
        g.setColor(Color.BLACK);
        for (int my = 0; my < m.getHeight(); my++) {
            for (int mx = 0; mx < m.getWidth(); mx++) {
                if (m.get(mx, my)) g.fillRect(x + mx * module, y + my * module, module, module);
            }
        }
        g.dispose();
    }
}

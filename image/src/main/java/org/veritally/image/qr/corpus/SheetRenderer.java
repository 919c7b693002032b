package org.veritally.image.qr.corpus;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Draws a tally sheet as printed: a white page with a title, lines of text and numbers, a table of votes,
 * and the QR codes (error correction M, as a fair guess for the real sheets; a quiet zone of 4 modules).
 * The sheet is drawn at the size it will have in the photo, so that the simulated camera samples it about
 * one to one. Stateless.
 */
final class SheetRenderer {
    private SheetRenderer() {}

    /** The sheet of {@code kind} carrying {@code payloads}, {@code height} pixels high, in 8-bit gray. */
    static BufferedImage render(SheetKind kind, List<String> payloads, int height, Random random) {
        int width = (int) Math.round(height * kind.aspect);
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(20, 20, 20));
            int side = (int) Math.round(width * kind.codeWidth);
            int margin = Math.max(4, width / 20);
            int codesTop;
            if (kind == SheetKind.ACTA) {
                codesTop = height - margin - side;
                text(g, margin, margin, width - 2 * margin, codesTop - margin, true, random);
                drawCode(g, payloads.get(0), width - margin - side, codesTop, side);
                for (int i = 1; i < payloads.size(); i++) drawCode(g, payloads.get(i), margin, codesTop, side);
            } else {
                int gap = side / 12;
                side = Math.min(side, (height * 4 / 5 - margin) / payloads.size() - gap);
                codesTop = height - margin - payloads.size() * (side + gap);
                text(g, margin, margin, width - 2 * margin, codesTop - margin, false, random);
                for (int i = 0; i < payloads.size(); i++) {
                    drawCode(g, payloads.get(i), (width - side) / 2, codesTop + i * (side + gap), side);
                }
            }
        } finally {
            g.dispose();
        }
        return sheet;
    }

    /** A title, lines of words and numbers, and a ruled table of vote counts, in the box given. */
    private static void text(Graphics2D g, int x, int y, int w, int h, boolean table, Random random) {
        int line = Math.max(6, h / (table ? 48 : 40));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(5, line * 5 / 4)));
        g.drawString(table ? "ACTA DE ESCRUTINIO  ELECCION PRESIDENCIAL" : "BOLETIM DE URNA", x, y + line);
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, Math.max(4, line * 3 / 4)));
        int row = y + 3 * line;
        for (int i = 0; i < 5 && row < y + h; i++, row += line) {
            g.drawString(
                    "CODIGO " + (100_000_000 + random.nextInt(900_000_000)) + "  MESA " + random.nextInt(20)
                            + "  ELECTORES " + random.nextInt(900),
                    x,
                    row);
        }
        int cellW = w / 4;
        int tableTop = row;
        for (; row + line < y + h; row += line) {
            int votes = random.nextInt(400);
            g.drawString(
                    table ? "PARTIDO " + (char) ('A' + random.nextInt(26)) : "CANDIDATO " + random.nextInt(99),
                    x + 4,
                    row);
            g.drawString(Integer.toString(votes), x + 3 * cellW, row);
            if (table) g.drawLine(x, row + line / 4, x + w, row + line / 4);
        }
        if (table && row > tableTop) {
            for (int c = 0; c <= 4; c++) g.drawLine(x + c * cellW, tableTop - line, x + c * cellW, row - line * 3 / 4);
        }
    }

    /** A QR code with its 4-module quiet zone in a {@code side}×{@code side} square at (x, y). */
    private static void drawCode(Graphics2D g, String payload, int x, int y, int side) {
        BitMatrix m;
        try {
            m = new QRCodeWriter()
                    .encode(
                            payload,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
        } catch (WriterException e) {
            throw new IllegalArgumentException("payload does not fit in a QR code: " + e.getMessage(), e);
        }
        int n = m.getWidth();
        double module = side / (n + 8.0);
        g.setColor(Color.WHITE);
        g.fillRect(x, y, side, side);
        g.setColor(Color.BLACK);
        for (int my = 0; my < n; my++) {
            int top = y + (int) Math.round((my + 4) * module);
            int bottom = y + (int) Math.round((my + 5) * module);
            for (int mx = 0; mx < n; mx++) {
                if (!m.get(mx, my)) continue;
                int left = x + (int) Math.round((mx + 4) * module);
                int right = x + (int) Math.round((mx + 5) * module);
                g.fillRect(left, top, right - left, bottom - top);
            }
        }
        g.setColor(new Color(20, 20, 20));
    }
}

package io.eventos.platform.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * QR codes as PNG images (ZXing), and as {@code data:} URIs a page can show in an {@code <img>} without a separate
 * request (the Content-Security-Policy allows {@code img-src data:}). Black on white with the quiet zone scanners
 * need; medium error correction, enough for a phone held to a screen.
 */
public final class QrCodes {

    /** Side of the image in pixels unless the caller asks otherwise: sharp on a phone-sized scan, small in a page. */
    public static final int DEFAULT_SIZE = 240;

    private QrCodes() {
    }

    public static byte[] png(String text) {
        return png(text, DEFAULT_SIZE);
    }

    public static byte[] png(String text, int size) {
        if (size < 21) {
            throw new IllegalArgumentException("A QR code needs at least 21 pixels per side, not " + size);
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(encode(text, size), "PNG", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The QR code could not be written as PNG.", e);
        }
    }

    /**
     * The code's modules, one cell per module, quiet zone included ({@code true} = dark): for drawing it as vector
     * shapes (a PDF), which is sharp at any size and far cheaper than writing and placing a PNG.
     */
    public static boolean[][] modules(String text) {
        BitMatrix matrix = encode(text, 0);
        boolean[][] cells = new boolean[matrix.getHeight()][matrix.getWidth()];
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                cells[y][x] = matrix.get(x, y);
            }
        }
        return cells;
    }

    /** The matrix at {@code size} pixels per side; 0 = one pixel per module. */
    private static BitMatrix encode(String text, int size) {
        Objects.requireNonNull(text, "text");
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                    EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("The text does not fit in a QR code (" + text.length()
                    + " characters).", e);
        }
    }

    /** {@code data:image/png;base64,...} of {@link #png(String)}. */
    public static String dataUri(String text) {
        return dataUri(text, DEFAULT_SIZE);
    }

    public static String dataUri(String text, int size) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(text, size));
    }

    /**
     * The text of the QR code in a picture (a camera frame sent by a scanner whose browser cannot read codes itself),
     * or empty if none is found. Tries hard: a frame is small, the code may be tilted or dim.
     */
    public static java.util.Optional<String> read(java.awt.image.BufferedImage image) {
        if (image == null) {
            return java.util.Optional.empty();
        }
        var source = new com.google.zxing.client.j2se.BufferedImageLuminanceSource(image);
        var bitmap = new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(source));
        try {
            var hints = new java.util.EnumMap<com.google.zxing.DecodeHintType, Object>(com.google.zxing.DecodeHintType.class);
            hints.put(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE);
            hints.put(com.google.zxing.DecodeHintType.POSSIBLE_FORMATS, java.util.List.of(com.google.zxing.BarcodeFormat.QR_CODE));
            return java.util.Optional.of(new com.google.zxing.qrcode.QRCodeReader().decode(bitmap, hints).getText());
        } catch (com.google.zxing.NotFoundException | com.google.zxing.ChecksumException | com.google.zxing.FormatException e) {
            return java.util.Optional.empty();
        }
    }
}

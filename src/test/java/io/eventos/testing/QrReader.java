package io.eventos.testing;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads what a person's phone would: the QR code on each page of a PDF, rendered at 150 dpi. */
public final class QrReader {

    private QrReader() {
    }

    /** The text of the QR code on each page, in page order. */
    public static List<String> qrCodesOfPdf(byte[] pdf) throws IOException {
        List<String> codes = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 150);
                java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
                java.nio.file.Files.createDirectories(dir);
                javax.imageio.ImageIO.write(image, "png", dir.resolve("ticket-pdf-page-" + (page + 1) + ".png").toFile());
                codes.add(decode(image));
            }
        }
        return codes;
    }

    public static String decode(BufferedImage image) {
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                            new BufferedImageLuminanceSource(image))), Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                    .getText();
        } catch (NotFoundException | ChecksumException | FormatException e) {
            throw new AssertionError("No readable QR code on the page", e);
        }
    }
}

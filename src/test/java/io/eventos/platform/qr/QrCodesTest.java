package io.eventos.platform.qr;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class QrCodesTest {

    private static final String URI = "otpauth://totp/EventOS:alice%2Bevents%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=EventOS";

    @Test
    void pngDecodesBackToTheOtpauthUri() throws Exception {
        byte[] png = QrCodes.png(URI);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(QrCodes.DEFAULT_SIZE);
        assertThat(decode(png)).isEqualTo(URI);
    }

    @Test
    void dataUriHoldsThePng() throws Exception {
        String dataUri = QrCodes.dataUri(URI);
        String prefix = "data:image/png;base64,";
        assertThat(dataUri).startsWith(prefix);
        assertThat(decode(Base64.getDecoder().decode(dataUri.substring(prefix.length())))).isEqualTo(URI);
    }

    @Test
    void keepsNonAsciiTextIntact() throws Exception {
        String text = "otpauth://totp/EventOS:zoë@example.com?secret=ABC";
        assertThat(decode(QrCodes.png(text, 300))).isEqualTo(text);
    }

    private static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }
}

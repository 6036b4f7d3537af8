package io.eventos.event.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ImageFormatTest {

    @Test
    void recognizesTheAcceptedFormatsByTheirFirstBytes() {
        assertThat(ImageFormat.detect(bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0))).contains(ImageFormat.PNG);
        assertThat(ImageFormat.detect(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).contains(ImageFormat.JPEG);
        assertThat(ImageFormat.detect("GIF89a....".getBytes(StandardCharsets.US_ASCII))).contains(ImageFormat.GIF);
        assertThat(ImageFormat.detect("GIF87a....".getBytes(StandardCharsets.US_ASCII))).contains(ImageFormat.GIF);
        assertThat(ImageFormat.detect("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)))
                .contains(ImageFormat.WEBP);
        assertThat(ImageFormat.PNG.contentType()).isEqualTo("image/png");
    }

    @Test
    void refusesWhatIsNotAnAcceptedImageWhateverItIsCalled() {
        assertThat(ImageFormat.detect("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(ImageFormat.detect("<html><img src=x onerror=alert(1)>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(ImageFormat.detect("%PDF-1.7".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ImageFormat.detect("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ImageFormat.detect(bytes(0x89, 'P', 'N'))).isEqualTo(Optional.empty());
        assertThat(ImageFormat.detect(new byte[0])).isEmpty();
        assertThat(ImageFormat.detect(null)).isEmpty();
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}

package io.eventos.media.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ImageFilesTest {

    @Test
    void recognizesPngJpegGifAndWebpByTheirFirstBytes() {
        assertThat(ImageFiles.contentType(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0}))
                .contains("image/png");
        assertThat(ImageFiles.contentType(new byte[]{(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0}))
                .contains("image/jpeg");
        assertThat(ImageFiles.contentType("GIF89a....".getBytes(StandardCharsets.US_ASCII))).contains("image/gif");
        assertThat(ImageFiles.contentType("GIF87a....".getBytes(StandardCharsets.US_ASCII))).contains("image/gif");
        assertThat(ImageFiles.contentType("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)))
                .contains("image/webp");
    }

    @Test
    void refusesWhatOnlyLooksLikeAnImageByName() {
        assertThat(ImageFiles.contentType("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8))).isEqualTo(Optional.empty());
        assertThat(ImageFiles.contentType("<html><img src=x onerror=alert(1)>".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(ImageFiles.contentType("%PDF-1.7".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ImageFiles.contentType("GIF8".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ImageFiles.contentType("GIF90a....".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ImageFiles.contentType("RIFF\0\0\0\0WAVE".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(ImageFiles.contentType(new byte[]{(byte) 0x89, 'P', 'N'})).isEmpty();
        assertThat(ImageFiles.contentType(new byte[0])).isEmpty();
        assertThat(ImageFiles.contentType(null)).isEmpty();
    }
}

package io.eventos.event.service;

/** An uploaded file as the browser sent it; {@link MediaService} decides whether it is an image it accepts. */
public record ImageUpload(String fileName, byte[] bytes) {

    public boolean isEmpty() {
        return bytes == null || bytes.length == 0;
    }
}

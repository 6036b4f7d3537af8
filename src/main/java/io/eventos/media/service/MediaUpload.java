package io.eventos.media.service;

/** A file as the browser sent it (name and bytes); the services decide whether it is an image they accept. */
public record MediaUpload(String fileName, byte[] bytes) {

    public boolean isEmpty() {
        return bytes == null || bytes.length == 0;
    }
}

package io.eventos.platform.text;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * gzip (RFC 1952) of whole byte arrays: the rendered public pages, compressed once when they are rendered, kept so in
 * memory and in the database, and sent so to every browser that accepts it.
 */
public final class Gzip {

    private Gzip() {
    }

    public static byte[] compress(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] decompress(byte[] gzipped) {
        try (GZIPInputStream zip = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return zip.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.eventos.platform.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A response whose body is held in memory until {@link PublicSiteFilter} has seen it (headers, status and errors
 * pass through): so the filter can still set headers after the view rendered, and keep the HTML.
 */
final class BufferedResponse extends HttpServletResponseWrapper {

    /**
     * The body when it came as one whole array (a kept page written as it is: nothing copied); else null. Whatever
     * else is written goes to {@link #buffer}, made at the first such write.
     */
    private byte[] whole;
    private ByteArrayOutputStream buffer;
    private ServletOutputStream stream;
    private PrintWriter writer;
    private boolean error;

    BufferedResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (writer != null) {
            throw new IllegalStateException("getWriter() was already called");
        }
        if (stream == null) {
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    buffer().write(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    if (whole == null && buffer == null && offset == 0 && length == bytes.length) {
                        whole = bytes; // the callers never change an array they have written
                        return;
                    }
                    buffer().write(bytes, offset, length);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("not asynchronous");
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (stream != null) {
            throw new IllegalStateException("getOutputStream() was already called");
        }
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(buffer(), charset()));
        }
        return writer;
    }

    Charset charset() {
        String encoding = getCharacterEncoding();
        return encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
    }

    @Override
    public void sendError(int status) throws IOException {
        error = true;
        super.sendError(status);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        error = true;
        super.sendError(status, message);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        error = true; // nothing of ours to write
        super.sendRedirect(location);
    }

    @Override
    public void flushBuffer() {
        if (writer != null) {
            writer.flush();
        }
    }

    @Override
    public void setContentLength(int length) {
        // the filter sets it when it writes the body
    }

    @Override
    public void setContentLengthLong(long length) {
        // the filter sets it when it writes the body
    }

    @Override
    public void resetBuffer() {
        whole = null;
        if (buffer != null) {
            buffer.reset();
        }
    }

    @Override
    public void reset() {
        super.reset();
        resetBuffer();
    }

    /** The buffer for a body written in parts, holding what came as a whole before it. */
    private ByteArrayOutputStream buffer() {
        if (buffer == null) {
            buffer = new ByteArrayOutputStream(32 * 1024);
            if (whole != null) {
                buffer.writeBytes(whole);
                whole = null;
            }
        }
        return buffer;
    }

    boolean isError() {
        return error;
    }

    /** The body written; the very array written when it came whole (not to be changed). */
    byte[] body() {
        if (writer != null) {
            writer.flush();
        }
        if (buffer != null) {
            return buffer.toByteArray();
        }
        return whole != null ? whole : new byte[0];
    }
}

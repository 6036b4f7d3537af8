package io.eventos.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 over a plain socket, for what java.net.http refuses to do: send any Host header (a forged one) and
 * connect from a chosen local address (Linux answers on all of 127.0.0.0/8, so a test can be "another client" or
 * "the reverse proxy" without touching the address every other test uses). Keeps the session cookie like a browser
 * and reads a JSF form's hidden fields (view state, PrimeFaces' nonce) so it can post it.
 */
public final class RawHttp {

    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");

    private final URI base;
    private final InetAddress from;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** Connects from the default local address. */
    public RawHttp(URI base) {
        this(base, null);
    }

    /** Connects from {@code fromAddress} (e.g. "127.0.0.23"). */
    public RawHttp(URI base, String fromAddress) {
        this.base = base;
        try {
            this.from = fromAddress == null ? null : InetAddress.getByName(fromAddress);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Response(int status, Map<String, List<String>> headers, String body) {

        /** The first value of a header (name in any case), or null. */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** The Cookie header this client sends (its session), or "" when it has none. */
    public String cookieHeader() {
        StringBuilder cookie = new StringBuilder();
        cookies.forEach((name, value) -> cookie.append(cookie.isEmpty() ? "" : "; ").append(name).append('=')
                .append(value));
        return cookie.toString();
    }

    /** The value of this client's cookie {@code name} (e.g. its session), or null. */
    public String cookie(String name) {
        return cookies.get(name);
    }

    public Response get(String path, Map<String, String> headers) {
        return send("GET", path, headers, null);
    }

    /** Posts a form (application/x-www-form-urlencoded) with these fields, in this order. */
    public Response post(String path, Map<String, String> fields, Map<String, String> headers) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putIfAbsent("Content-Type", "application/x-www-form-urlencoded"); // a test may claim another
        return send("POST", path, all, body.toString());
    }

    /** Posts a body already encoded as application/x-www-form-urlencoded (e.g. with invalid UTF-8 in it). */
    public Response postEncoded(String path, String encodedBody, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putIfAbsent("Content-Type", "application/x-www-form-urlencoded");
        return send("POST", path, all, encodedBody);
    }

    /**
     * The fields a browser posts for the form with this id before the user fills it in: its hidden inputs (the form
     * id, jakarta.faces.ViewState) and PrimeFaces' CSP nonce, which its script adds to every form.
     */
    public static Map<String, String> formFields(String html, String formId) {
        int start = html.indexOf("<form id=\"" + formId + "\"");
        if (start < 0) {
            throw new AssertionError("No form " + formId + " in the page:\n" + html);
        }
        int end = html.indexOf("</form>", start);
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(html.substring(start, end));
        while (input.find()) {
            String tag = input.group();
            if ("hidden".equalsIgnoreCase(attribute(tag, "type")) && attribute(tag, "name") != null) {
                fields.put(attribute(tag, "name"), unescape(String.valueOf(attribute(tag, "value"))));
            }
        }
        Matcher nonce = NONCE.matcher(html);
        if (nonce.find()) {
            fields.putIfAbsent("primefaces.nonce", unescape(nonce.group(1)));
        }
        return fields;
    }

    private static String attribute(String tag, String name) {
        Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE).matcher(tag);
        return m.find() ? m.group(1) : null;
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    private Response send(String method, String path, Map<String, String> headers, String body) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Host", base.getHost() + ":" + base.getPort());
        headers.forEach((name, value) -> {
            all.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
            all.put(name, value);
        });
        if (!cookies.isEmpty()) {
            StringBuilder cookie = new StringBuilder();
            cookies.forEach((name, value) -> cookie.append(cookie.isEmpty() ? "" : "; ").append(name).append('=')
                    .append(value));
            all.put("Cookie", cookie.toString());
        }
        if (body != null) {
            all.put("Content-Length", String.valueOf(content.length));
        }
        all.put("Connection", "close");
        all.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("\r\n");
        try (Socket socket = new Socket()) {
            if (from != null) {
                socket.bind(new InetSocketAddress(from, 0));
            }
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            socket.setSoTimeout(120_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        }
    }

    private Response parse(byte[] raw) {
        String all = new String(raw, StandardCharsets.ISO_8859_1);
        int split = all.indexOf("\r\n\r\n");
        if (split < 0) {
            throw new AssertionError("Not an HTTP response: " + all);
        }
        String[] lines = all.substring(0, split).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            if (name.equals("set-cookie")) {
                String pair = value.split(";", 2)[0];
                int eq = pair.indexOf('=');
                cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, split + 4, raw.length);
        List<String> encoding = headers.getOrDefault("transfer-encoding", List.of());
        if (encoding.stream().anyMatch(e -> e.equalsIgnoreCase("chunked"))) {
            body = dechunk(body);
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = new java.io.ByteArrayInputStream(chunked);
        try {
            while (true) {
                StringBuilder size = new StringBuilder();
                int c;
                while ((c = in.read()) != -1 && c != '\n') {
                    if (c != '\r') {
                        size.append((char) c);
                    }
                }
                int length = Integer.parseInt(size.toString().split(";")[0].trim(), 16);
                if (length == 0) {
                    return out.toByteArray();
                }
                out.write(in.readNBytes(length));
                in.read(); // \r
                in.read(); // \n
            }
        } catch (IOException | NumberFormatException e) {
            throw new AssertionError("A broken chunked body", e);
        }
    }
}

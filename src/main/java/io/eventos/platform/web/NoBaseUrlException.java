package io.eventos.platform.web;

/**
 * An email with a link was asked for, but this server has no trusted public address to put in the link (neither
 * EVENTOS_BASE_URL nor a request to a host in EVENTOS_ALLOWED_HOSTS). The message is the one sentence for the
 * operator's log; the user sees the "cannot send links" page (web.xml, {@link LinksUnavailablePage}).
 */
public class NoBaseUrlException extends RuntimeException {

    NoBaseUrlException(String host) {
        super("EventOS did not send an email with a link: EVENTOS_BASE_URL is not set and the request's host "
                + describe(host) + " is not in EVENTOS_ALLOWED_HOSTS; set EVENTOS_BASE_URL to the public address, "
                + "e.g. https://events.example.com.");
    }

    /** The host for the log, quoted; never raw text that could forge a log line. */
    private static String describe(String host) {
        if (host == null || host.isEmpty()) {
            return "(none)";
        }
        String shown = host.length() > 100 ? host.substring(0, 100) + "..." : host;
        return "'" + shown.replaceAll("[^A-Za-z0-9.:\\-\\[\\]]", "?") + "'";
    }
}

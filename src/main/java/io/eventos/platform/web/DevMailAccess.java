package io.eventos.platform.web;

import io.eventos.platform.mail.ConfiguredMailer;
import io.eventos.platform.mail.DevOutbox;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;
import java.util.Set;

/**
 * Who may read the development outbox ({@code /dev/mail}): nobody when an SMTP server is configured, and otherwise
 * only a browser on the same machine (loopback address, not forwarded by a proxy). The outbox holds password-reset
 * links, so a server that was deployed without EVENTOS_SMTP_HOST must not hand them to the internet.
 */
final class DevMailAccess {

    private static final Set<String> FORWARDING_HEADERS = Set.of("Forwarded", "X-Forwarded-For", "X-Real-IP");

    private DevMailAccess() {
    }

    static Optional<DevOutbox> outbox(ConfiguredMailer mailer, HttpServletRequest request) {
        return mailer.devOutbox().filter(outbox -> isLocal(request.getRemoteAddr(), request::getHeader));
    }

    static boolean isLocal(String remoteAddress, java.util.function.Function<String, String> headers) {
        if (remoteAddress == null) {
            return false;
        }
        String address = remoteAddress.startsWith("[") && remoteAddress.endsWith("]")
                ? remoteAddress.substring(1, remoteAddress.length() - 1) : remoteAddress;
        boolean loopback = address.startsWith("127.") || address.equals("::1") || address.equals("0:0:0:0:0:0:0:1")
                || address.startsWith("::ffff:127.");
        return loopback && FORWARDING_HEADERS.stream().allMatch(name -> headers.apply(name) == null);
    }
}

package io.eventos.account.service;

import io.eventos.analytics.service.WeeklySummaryMail;
import io.eventos.platform.crypto.LinkSigner;
import io.eventos.platform.limits.AddressKey;
import io.eventos.platform.limits.Limits;
import io.eventos.platform.limits.RateLimiter;
import io.eventos.platform.limits.TooManyAttemptsException;
import io.eventos.platform.tenancy.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.UUID;

/**
 * The weekly summary's unsubscribe link (docs/security.md, "Unsubscribe links"): a value signed with
 * {@link LinkSigner} that names the account, the membership and the membership's {@code unsubscribe_generation}; it
 * does not expire, and turning the email on again (a new counter) or removing the member revokes it. Opening the
 * link ({@link #look}) changes nothing — mail scanners open links — and only a POST ({@link #unsubscribe}, the page's
 * button or a mail program's RFC 8058 one-click request) turns the email off. A link that does not verify gets one
 * sentence, never an error page, and counts against its client address
 * ({@link Limits#UNSUBSCRIBE_FAILURES_PER_ADDRESS}).
 */
@ApplicationScoped
public class WeeklySummaryUnsubscribe {

    static final String PURPOSE = "weekly-summary-unsubscribe";
    private static final byte VERSION = 1;
    private static final int PAYLOAD_BYTES = 1 + 16 + 16 + 4;

    @Inject
    LinkSigner signer;
    @Inject
    WeeklySummaryOptOut optOut;
    @Inject
    RateLimiter limiter;

    /** What a link shows: the email is on (and may be turned off), off, or the link is not valid. */
    public enum Status { ON, OFF, INVALID }

    /** The page's state: the status, and for a valid link the account's name and the member's email. */
    public record View(Status status, String accountName, String email) {

        static final View INVALID = new View(Status.INVALID, null, null);
    }

    /** The link value for one member's emails. */
    public String token(UUID account, UUID membership, int generation) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES).put(VERSION)
                .putLong(account.getMostSignificantBits()).putLong(account.getLeastSignificantBits())
                .putLong(membership.getMostSignificantBits()).putLong(membership.getLeastSignificantBits())
                .putInt(generation);
        return signer.sign(PURPOSE, payload.array());
    }

    /** The page's address for a member's emails (the link in the email's text), from the configured base URL. */
    public String pageLink(String baseUrl, UUID account, UUID membership, int generation) {
        return baseUrl + WeeklySummaryMail.UNSUBSCRIBE_PAGE + "?t=" + token(account, membership, generation);
    }

    /** The one-click address ({@code List-Unsubscribe}), from the configured base URL. */
    public String oneClickLink(String baseUrl, UUID account, UUID membership, int generation) {
        return baseUrl + WeeklySummaryMail.UNSUBSCRIBE_POST + "?t=" + token(account, membership, generation);
    }

    private record Link(UUID account, UUID membership, int generation) {
    }

    private Optional<Link> read(String token) {
        return signer.open(PURPOSE, token, PAYLOAD_BYTES).map(ByteBuffer::wrap)
                .filter(b -> b.get() == VERSION)
                .map(b -> new Link(new UUID(b.getLong(), b.getLong()), new UUID(b.getLong(), b.getLong()), b.getInt()));
    }

    /** GET: what the link's member has now; changes nothing. Throws TooManyAttemptsException for a blocked address. */
    public View look(String token, String clientAddress) {
        return handle(token, clientAddress, false);
    }

    /** POST: turns the email off (audited) if the link is valid; answers the state afterwards. */
    public View unsubscribe(String token, String clientAddress) {
        return handle(token, clientAddress, true);
    }

    private View handle(String token, String clientAddress, boolean turnOff) {
        String address = AddressKey.of(clientAddress);
        limiter.waitFor(Limits.UNSUBSCRIBE_FAILURES_PER_ADDRESS, address).ifPresent(wait -> {
            throw new TooManyAttemptsException(wait);
        });
        Optional<Link> link = read(token);
        View view = link.map(l -> {
            try (var account = CurrentTenant.bind(l.account())) {
                return optOut.member(l.membership()).filter(m -> m.generation() == l.generation()).map(m -> {
                    if (turnOff && m.on()) {
                        optOut.turnOff(m.membership(), m.generation()); // false only if it was turned off meanwhile
                        return new View(Status.OFF, m.accountName(), m.email());
                    }
                    return new View(m.on() ? Status.ON : Status.OFF, m.accountName(), m.email());
                }).orElse(View.INVALID);
            }
        }).orElse(View.INVALID);
        if (view.status() == Status.INVALID) {
            limiter.record(Limits.UNSUBSCRIBE_FAILURES_PER_ADDRESS, address);
        }
        return view;
    }
}

package io.eventos.account.service;

import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One-time tickets that hand a finished sign-in (password, and the second factor where it is on) to Jakarta
 * Security: the sign-in page checks everything itself, then authenticates with a ticket that is valid once, for a
 * minute, in this instance. So the password is hashed once per attempt and never kept between the two steps.
 */
@ApplicationScoped
public class SignInTickets {

    private static final Duration VALID_FOR = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConcurrentMap<String, Ticket> tickets = new ConcurrentHashMap<>();

    Clock clock = Clock.systemUTC();

    public String issue(UUID userId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        tickets.values().removeIf(t -> now.isAfter(t.expiresAt()));
        tickets.put(ticket, new Ticket(userId, now.plus(VALID_FOR)));
        return ticket;
    }

    /** The user the ticket was issued for, once; empty if unknown, used or expired. */
    public Optional<UUID> redeem(String ticket) {
        Ticket found = ticket == null ? null : tickets.remove(ticket);
        if (found == null || clock.instant().isAfter(found.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(found.userId());
    }

    private record Ticket(UUID userId, Instant expiresAt) {
    }
}

package io.eventos.ticketing.service;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The unfinished checkouts of each client address (issue 13, finding 2: one client holding every ticket): a hold
 * counts from the moment it is made until it becomes an order, is given back, or its time runs out. A finished
 * checkout never counts, so a person buying again and again is never limited; only tickets held and left are.
 * Kept in this instance's memory like the other abuse limits (docs/security.md, "Known limits"), bounded in size;
 * a restart forgets, and each instance of a cluster counts for itself.
 * <p>Which address: the key of {@code platform.limits.AddressKey} (IPv6 by its /64); a null address (a call that
 * did not come over HTTP) is never limited.
 */
@ApplicationScoped
public class OpenHolds {

    static final int MAX_HOLDS = 200_000;

    /** A hold counted for an address, until {@code until}. */
    private record Open(String address, Instant until) {
    }

    private final Map<String, Open> byToken = new HashMap<>();
    private final Map<String, Map<String, Instant>> byAddress = new HashMap<>();
    private final Clock clock;

    public OpenHolds() {
        this(Clock.systemUTC());
    }

    OpenHolds(Clock clock) {
        this.clock = clock;
    }

    /**
     * Counts the hold {@code token} for {@code address} until {@code until}, if the address has fewer than
     * {@code max} open ones now. Empty: counted; otherwise when the address's oldest open hold runs out (nothing
     * counted).
     */
    public synchronized Optional<Instant> tryOpen(String address, String token, Instant until, int max) {
        if (address == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Map<String, Instant> open = byAddress.computeIfAbsent(address, a -> new HashMap<>());
        open.entrySet().removeIf(e -> {
            boolean over = !e.getValue().isAfter(now);
            if (over) {
                byToken.remove(e.getKey());
            }
            return over;
        });
        if (open.size() >= max) {
            return open.values().stream().min(Instant::compareTo);
        }
        if (byToken.size() >= MAX_HOLDS) {
            forgetRunOut(now);
        }
        open.put(token, until);
        byToken.put(token, new Open(address, until));
        return Optional.empty();
    }

    /** The hold became an order, was given back, or was never made: it no longer counts. */
    public synchronized void close(String token) {
        Open open = token == null ? null : byToken.remove(token);
        if (open != null) {
            Map<String, Instant> ofAddress = byAddress.get(open.address());
            if (ofAddress != null) {
                ofAddress.remove(token);
                if (ofAddress.isEmpty()) {
                    byAddress.remove(open.address());
                }
            }
        }
    }

    /** The hold {@code token} (if it counts) now lasts until {@code until}. */
    public synchronized void extend(String token, Instant until) {
        Open open = token == null ? null : byToken.get(token);
        if (open != null) {
            byToken.put(token, new Open(open.address(), until));
            byAddress.getOrDefault(open.address(), new HashMap<>()).replace(token, until);
        }
    }

    /** How many holds {@code address} has open now. */
    public synchronized int openFor(String address) {
        Instant now = clock.instant();
        Map<String, Instant> open = byAddress.get(address);
        return open == null ? 0 : (int) open.values().stream().filter(until -> until.isAfter(now)).count();
    }

    /** Drops every hold whose time ran out; if that frees nothing, the oldest half (the bound must hold). */
    private void forgetRunOut(Instant now) {
        byToken.entrySet().removeIf(e -> !e.getValue().until().isAfter(now));
        if (byToken.size() >= MAX_HOLDS) {
            byToken.entrySet().stream().sorted(Map.Entry.comparingByValue(
                            (a, b) -> a.until().compareTo(b.until()))).limit(MAX_HOLDS / 2)
                    .map(Map.Entry::getKey).toList().forEach(byToken::remove);
        }
        byAddress.values().forEach(open -> open.keySet().retainAll(byToken.keySet()));
        byAddress.values().removeIf(Map::isEmpty);
    }
}

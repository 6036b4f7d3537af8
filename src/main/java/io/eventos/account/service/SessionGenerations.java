package io.eventos.account.service;

import io.eventos.platform.cache.ExpiringCache;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Ends all sessions of a user at once, on every instance: each user has a session generation
 * ({@code users.session_generation}); a session is stamped at sign-in with the generation it was granted under,
 * and {@code SignedInSessionFilter} lets it act only while that is still the user's generation (and the user is
 * active). A password reset or change, or the removal of a member, increments it ({@link #endAll}) in the same
 * transaction, so every older session is over from its next request.
 * <p>Asked on every request of a signed-in user, so the generation is cached for {@value #CACHED_SECONDS} s per
 * user. A change made on this instance is put into the cache when its transaction commits, so it counts here at once;
 * another instance of a cluster sees it when its cached value expires, within {@value #CACHED_SECONDS} s. The cached
 * value only ever grows (a value read just before a change cannot replace the newer one), and a session stamped
 * with a newer generation than the cache knows makes it read again.
 */
@ApplicationScoped
public class SessionGenerations {

    static final int CACHED_SECONDS = 5;

    /** Fired (in the changing transaction) when a user's sessions end; applied to the cache after the commit. */
    public record Ended(UUID userId, long generation) {
    }

    @EJB
    UserDirectory users;
    @Inject
    Event<Ended> ended;

    private final ExpiringCache<UUID, Long> cache = new ExpiringCache<>(Duration.ofSeconds(CACHED_SECONDS), 50_000);

    /** Whether a session stamped with {@code stamp} at sign-in may still act for this user. */
    public boolean isCurrent(UUID userId, long stamp) {
        Long known = cache.getIfPresent(userId);
        if (known == null || stamp > known) {
            OptionalLong loaded = users.sessionGeneration(userId);
            if (loaded.isEmpty()) {
                return false; // disabled or gone
            }
            known = cache.merge(userId, loaded.getAsLong(), Math::max);
        }
        return stamp == known;
    }

    /** The user's current generation, read from the database (a session that is being signed in is stamped with it). */
    public OptionalLong current(UUID userId) {
        return users.sessionGeneration(userId);
    }

    /**
     * Ends every session of this user (their next request goes to sign-in), as part of the caller's transaction;
     * nothing ends if it rolls back. Returns the new generation: a session that should stay (the user changed their
     * own password) is stamped with it.
     */
    public long endAll(EntityManager em, UUID userId) {
        Number next = (Number) em.createNativeQuery(
                        "update users set session_generation = session_generation + 1 where id = ?1 returning session_generation")
                .setParameter(1, userId)
                .getSingleResult();
        ended.fire(new Ended(userId, next.longValue()));
        return next.longValue();
    }

    void applyAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Ended change) {
        cache.merge(change.userId(), change.generation(), Math::max);
    }
}

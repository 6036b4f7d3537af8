package io.eventos.account.service;

import io.eventos.account.domain.User;
import io.eventos.account.domain.UserStatus;
import io.eventos.platform.tenancy.TransactionSettings;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Users are global (one person, many accounts): found by email to sign in, and by id. Memberships are listed
 * through row level security as "the signed-in user's own rows" ({@code app.user_id}), never across tenants.
 */
@Stateless
public class UserDirectory {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    Clock clock = Clock.systemUTC();

    /** The active user with this email whose password matches. */
    public Optional<SignedInUser> authenticate(String email, String password) {
        if (email == null || password == null) {
            return Optional.empty();
        }
        List<User> users = em.createQuery("select u from User u where lower(u.email) = :email", User.class)
                .setParameter("email", email.trim().toLowerCase(Locale.ROOT))
                .getResultList();
        if (users.isEmpty()) {
            hasher.hash(password); // same work as a real check, so timing does not reveal registered emails
            return Optional.empty();
        }
        User user = users.get(0);
        if (user.getStatus() != UserStatus.ACTIVE || !hasher.verify(password, user.getPasswordHash())) {
            return Optional.empty();
        }
        user.setLastLoginAt(clock.instant());
        return Optional.of(new SignedInUser(user.getId(), user.getEmail(), user.getName(), user.getLastAccountId()));
    }

    public Optional<SignedInUser> find(UUID userId) {
        User user = em.find(User.class, userId);
        return Optional.ofNullable(user)
                .map(u -> new SignedInUser(u.getId(), u.getEmail(), u.getName(), u.getLastAccountId()));
    }

    /** The accounts this user belongs to, by name. */
    public List<Membership> memberships(UUID userId) {
        TransactionSettings.set(em, TransactionSettings.USER, userId);
        List<Object[]> rows = em.createNativeQuery("""
                        select a.id, a.slug, a.name, au.role
                        from account_users au join accounts a on a.id = au.account_id
                        where au.user_id = ?1 and au.status = 'active' and a.status = 'active'
                        order by a.name""")
                .setParameter(1, userId)
                .getResultList();
        return rows.stream()
                .map(r -> new Membership(toUuid(r[0]), (String) r[1], (String) r[2], (String) r[3]))
                .toList();
    }

    private static UUID toUuid(Object value) {
        return value instanceof UUID uuid ? uuid : UUID.fromString(value.toString());
    }
}

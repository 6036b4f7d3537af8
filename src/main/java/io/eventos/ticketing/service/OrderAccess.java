package io.eventos.ticketing.service;

import io.eventos.platform.crypto.RandomTokens;
import io.eventos.platform.crypto.SecretBox;
import io.eventos.ticketing.domain.Order;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.Optional;

/**
 * The secret link of an order's private page ({@code /e/{account}/orders/{token}}): 256 random bits, looked up by
 * their SHA-256 and kept sealed with the application key so that every later email carries the same link.
 */
@ApplicationScoped
public class OrderAccess {

    @Inject
    SecretBox secretBox;

    /** Gives the order a fresh token (a new order, or one whose token was never kept) and returns it. */
    public String issue(Order order) {
        String token = RandomTokens.urlSafe(32);
        order.setAccessTokenHash(RandomTokens.sha256Hex(token));
        order.setAccessTokenBox(secretBox.sealText(token, context(order)));
        return token;
    }

    /** The order's current token, or a new one if it was never kept (then older links stop working). */
    public String token(Order order) {
        if (order.getAccessTokenBox() == null) {
            return issue(order);
        }
        return secretBox.openText(order.getAccessTokenBox(), context(order));
    }

    /** The order behind a private order-page token (of the bound account); empty for a wrong or tampered one. */
    static Optional<Order> find(EntityManager em, String token) {
        return find(em, token, false);
    }

    /** As {@link #find(EntityManager, String)}; {@code lock}: the order's row locked until the transaction ends. */
    static Optional<Order> find(EntityManager em, String token, boolean lock) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        var query = em.createQuery("select o from Order o where o.accessTokenHash = :hash", Order.class)
                .setParameter("hash", RandomTokens.sha256Hex(token));
        if (lock) {
            query.setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultStream().findFirst();
    }

    public static String link(String baseUrl, String accountSlug, String token) {
        return baseUrl + "/e/" + accountSlug + "/orders/" + token;
    }

    private static String context(Order order) {
        return "order-access:" + order.getId();
    }
}

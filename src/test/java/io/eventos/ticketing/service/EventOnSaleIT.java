package io.eventos.ticketing.service;

import io.eventos.isolation.IsolationFixtures;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.ticketing.service.payment.TestCardGateway;
import io.eventos.testing.InContainer;
import io.eventos.testing.SuiteDeployment;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What the in-container sales tests share: the WAR with the sales fixtures, and before each test a fresh account
 * (its own tenant, so tests never see each other's rows) with an owner and one published event on sale. A test
 * adds its ticket types in a {@code @BeforeEach} of its own (JUnit runs this one first) and acts as the owner with
 * {@link #as}. Abstract: it has no tests of its own.
 */
@InContainer
public abstract class EventOnSaleIT {

    protected static final String BASE = "http://eventos.test";

    @Deployment
    static WebArchive deployment() {
        return SuiteDeployment.war();
    }

    @Inject
    protected SalesFixtures fixtures;
    @Inject
    protected IsolationFixtures members;
    @Inject
    protected CheckoutService shop;

    protected UUID account;
    protected UUID owner;
    protected UUID event;

    @BeforeEach
    void accountWithOwnerAndEventOnSale() {
        account = UUID.randomUUID();
        owner = UUID.randomUUID();
        try (var t = CurrentTenant.bind(account)) {
            event = fixtures.accountWithEventOnSale(getClass().getSimpleName().toLowerCase(Locale.ROOT)
                    + "-" + account.toString().substring(0, 8), null);
            members.addMember(owner, "owner", null);
        }
    }

    /** Runs {@code call} in the test's account, signed in as its owner. */
    protected <T> T as(Supplier<T> call) {
        try (var t = CurrentTenant.bind(account); var u = CurrentTenant.bindUser(owner)) {
            return call.get();
        }
    }

    /** Buys {@code tickets} (ticket type → count) as a visitor; pays by test card when {@code provider} is "test_card". */
    protected PlacedOrder buy(Map<UUID, Integer> tickets, String provider) {
        HoldView hold = as(() -> shop.reserve(new Cart(event, tickets, null)));
        List<OrderRequest.AttendeeName> names = new ArrayList<>();
        for (int i = 0; i < hold.tickets(); i++) {
            names.add(new OrderRequest.AttendeeName("Guest", "Number" + i, null));
        }
        PlacedOrder placed = as(() -> shop.placeOrder(new OrderRequest(hold.token(), "Ada Buyer",
                "ada-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org", names, false, provider,
                UUID.randomUUID().toString(), "en"), BASE));
        if ("test_card".equals(provider)) {
            assertTrue(as(() -> shop.pay(placed.accessToken(), Map.of("card", TestCardGateway.GOOD_CARD), BASE))
                    .paid());
        }
        return placed;
    }
}

package io.eventos.isolation;

import io.eventos.account.service.AccountDirectory;
import io.eventos.event.service.EventCard;
import io.eventos.event.service.EventSearch;
import io.eventos.event.service.EventService;
import io.eventos.event.service.PublicEventService;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.NoTenantBoundException;
import io.eventos.testing.InContainer;
import io.eventos.testing.SuiteDeployment;
import io.eventos.ticketing.service.OrderService;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tenant isolation through the real services, inside Payara Micro, connected as the application role: account A
 * never sees or changes account B's rows, a service without a bound account fails closed, and a pooled connection
 * carries nothing from one transaction to the next.
 */
@InContainer
public class TenantIsolationIT {

    @Deployment
    static WebArchive deployment() {
        return SuiteDeployment.war();
    }

    @Inject
    EventService events;
    @Inject
    EventSearch search;
    @Inject
    PublicEventService publicEvents;
    @Inject
    AccountDirectory directory;
    @Inject
    IsolationFixtures fixtures;
    @Inject
    OrderService orders;
    @Inject
    UnboundProbe unbound;
    @Inject
    TenantBindingFixtures binding;

    private UUID accountA;
    private UUID accountB;
    private UUID ownerA;
    private UUID ownerB;
    private UUID eventA;
    private UUID eventB;
    private String slugA;

    @BeforeEach
    void twoAccounts() {
        accountA = UUID.randomUUID();
        accountB = UUID.randomUUID();
        ownerA = UUID.randomUUID();
        ownerB = UUID.randomUUID();
        slugA = "iso-a-" + accountA.toString().substring(0, 8);
        try (var t = as(accountA)) {
            eventA = fixtures.createAccountWithEvent(slugA);
        }
        try (var t = as(accountB)) {
            eventB = fixtures.createAccountWithEvent("iso-b-" + accountB.toString().substring(0, 8));
        }
    }

    /** Binds the account and its owner, as the organizer filter does for a signed-in request. */
    private CurrentTenant.Scope as(UUID account) {
        var tenant = CurrentTenant.bind(account);
        var user = CurrentTenant.bindUser(account.equals(accountA) ? ownerA : ownerB);
        return () -> {
            user.close();
            tenant.close();
        };
    }

    @Test
    void listsShowOnlyTheBoundAccountsRows() {
        try (var t = as(accountA)) {
            List<UUID> ids = search.list().stream().map(EventCard::id).toList();
            assertEquals(List.of(eventA), ids);
        }
    }

    /** Issue 13, finding 8: {@code orders.csv?event=<another account's event>} answered 200 with an empty file. */
    @Test
    void anExportOfAnotherAccountsEventIsNotFoundRatherThanAnEmptyFile() {
        try (var t = as(accountA)) {
            assertThrows(AccessDeniedException.class, () -> orders.exportCsv(eventB, false));
            assertThrows(AccessDeniedException.class, () -> orders.exportCsv(eventB, true));
            assertTrue(orders.exportCsv(eventA, false).startsWith("order,"), "its own event exports");
        }
    }

    @Test
    void findByAnotherAccountsIdFindsNothing() {
        try (var t = as(accountA)) {
            assertEquals(Optional.empty(), search.find(eventB));
            assertTrue(search.find(eventA).isPresent());
        }
    }

    @Test
    void updateAndDeleteOfAnotherAccountsRowChangeNothing() {
        try (var t = as(accountA)) {
            assertFalse(events.rename(eventB, "Hijacked"));
            assertFalse(events.deleteDraft(eventB));
            fixtures.renameAndDeleteAllEvents(); // raw SQL reaches only A's own rows
        }
        try (var t = as(accountB)) {
            assertEquals("Launch of iso-b-" + accountB.toString().substring(0, 8), fixtures.eventName(eventB));
        }
    }

    @Test
    void insertingARowForAnotherAccountIsRefusedByTheDatabase() {
        try (var t = as(accountA)) {
            EJBException refused = assertThrows(EJBException.class, () -> fixtures.insertEventFor(accountB));
            assertTrue(causeChain(refused).contains("row-level security"), causeChain(refused));
        }
        try (var t = as(accountB)) {
            assertEquals(1, search.count(), "B still has only its own event");
        }
    }

    @Test
    void aRowCannotPointAtAnotherAccountsParent() {
        try (var t = as(accountA)) {
            EJBException refused = assertThrows(EJBException.class, () -> fixtures.insertSessionPointingAt(eventB));
            assertTrue(causeChain(refused).contains("foreign key"), causeChain(refused));
        }
    }

    @Test
    void servicesRefuseToRunWithoutABoundAccount() {
        assertThrows(NoTenantBoundException.class, () -> search.list());
        assertThrows(NoTenantBoundException.class, () -> publicEvents.upcomingEvents());
    }

    @Test
    void nothingLeaksToTheNextTransactionOnAPooledConnection() {
        for (int round = 0; round < 40; round++) {
            try (var t = as(round % 2 == 0 ? accountA : accountB)) {
                assertEquals(1, search.list().size());
            }
            List<Object> seen = unbound.whatIsVisible();
            assertTrue(seen.get(0).equals("") || seen.get(0).equals("<unset>"), "setting after commit: " + seen);
            assertEquals(List.of(0L, 0L, 0L), seen.subList(1, 4), "rows visible without a tenant: " + seen);
        }
    }

    /**
     * A service called by another in the same transaction, for the same account and user, does not send the tenant
     * binding again (one statement less per nested call): a raw change of the setting in between is not undone, which
     * is why the settings change only through {@code TransactionSettings}. Fails when every call binds again.
     */
    @Test
    void aNestedCallForTheSameAccountFindsItBoundAlready() {
        try (var t = as(accountA)) {
            assertEquals(List.of(), binding.nestedAfterARawClear(), "the nested call sent its binding again");
        }
    }

    /** Whatever changes the binding through {@code TransactionSettings} makes the next nested call bind again. */
    @Test
    void aNestedCallBindsAgainAfterTheSettingsChanged() {
        try (var t = as(accountA)) {
            assertEquals(List.of(eventA), binding.nestedAfterTransactionSettingsClear(), "after clear");
            assertEquals(List.of(eventA), binding.nestedAfterTransactionSettingsSet(accountB),
                    "after set to another account");
            assertEquals(List.of(List.of(eventB), List.of(eventA)), binding.nestedForAnotherAccountThenOurs(accountB),
                    "a nested call for another account, then one for ours");
            assertEquals(List.of(eventA), binding.ownTransactionAfterARawClear(),
                    "a nested call in a transaction of its own");
        }
        try (var t = as(accountB)) {
            // nothing is remembered from one transaction to the next
            assertEquals(List.of(eventB), binding.nestedAfterTransactionSettingsSet(accountA));
            assertEquals(List.of(), binding.nestedAfterARawClear());
        }
    }

    @Test
    void theOrganizerSlugResolvesOnlyToItsOwnAccount() {
        assertEquals(Optional.of(accountA), directory.accountIdBySlug(slugA));
        assertEquals(Optional.of(accountA), directory.accountIdBySlug(slugA.toUpperCase()));
        assertEquals(Optional.empty(), directory.accountIdBySlug("no-such-organizer"));
    }

    @Test
    void theEntityManagerCannotBeTrickedIntoAnotherAccountById() {
        try (var t = as(accountA)) {
            Instant start = Instant.now().plus(10, ChronoUnit.DAYS);
            EventCard created = events.createDraft("fresh", "Fresh", start, start.plus(1, ChronoUnit.HOURS),
                    "UTC", "EUR");
            assertTrue(search.find(created.id()).isPresent());
        }
        try (var t = as(accountB)) {
            assertTrue(search.list().stream().noneMatch(e -> e.slug().equals("fresh")));
        }
    }

    private static String causeChain(Throwable failure) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            chain.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append(" | ");
        }
        return chain.toString();
    }
}

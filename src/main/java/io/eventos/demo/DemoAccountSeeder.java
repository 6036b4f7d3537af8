package io.eventos.demo;

import io.eventos.account.domain.Account;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.TenantDirectory;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Creates the demo account (slug {@code demo}) unless it exists. Idempotent: a restart finds the slug and does
 * nothing. Runs without a transaction of its own, so the look-up and the write are separate transactions and a
 * write that fails on the unique slug (another instance won the race) can be told apart afterwards.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoAccountSeeder {

    static final String SLUG = "demo";
    static final String OWNER_EMAIL = "owner@demo.eventos.test";

    private static final Logger LOG = Logger.getLogger(DemoAccountSeeder.class.getName());

    /** Finds the slug through the database function (AccountDirectory). */
    @Inject
    TenantDirectory accounts;

    @EJB
    DemoDataWriter writer;

    /** The demo account's id, if it is there. */
    public Optional<UUID> demoAccountId() {
        return accounts.accountIdBySlug(SLUG);
    }

    public DemoSeedResult seedIfMissing() {
        if (accounts.accountIdBySlug(SLUG).isPresent()) {
            return DemoSeedResult.alreadyPresent();
        }
        Account account = new Account(SLUG, "Northwind Events");
        account.setContactEmail("hello@demo.eventos.test");
        account.setDefaultTimeZone("Europe/Berlin");
        account.setDefaultCurrency("EUR");
        try (var tenant = CurrentTenant.bind(account.getId())) {
            return writer.write(account);
        } catch (RuntimeException e) {
            // Two instances starting at once: the second one's insert fails on the unique slug once the first commits.
            Optional<UUID> winner = accounts.accountIdBySlug(SLUG);
            if (winner.isPresent()) {
                LOG.log(Level.FINE, "Another instance created the demo account first", e);
                return DemoSeedResult.alreadyPresent();
            }
            throw e;
        }
    }
}

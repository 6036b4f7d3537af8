package io.eventos.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import io.eventos.analytics.service.Rollups;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads the demo account at start-up when {@code eventos.demo} is true ({@code EVENTOS_DEMO=true}, which
 * {@code mvn -Prun} sets). A failure is logged and the application starts without the demo.
 */
@Startup
@Singleton
@DependsOn("ApplicationDatabase")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class.getName());

    @EJB
    DemoAccountSeeder seeder;
    @Inject
    Rollups rollups;

    @PostConstruct
    void load() {
        boolean enabled;
        try {
            enabled = ConfigProvider.getConfig().getOptionalValue("eventos.demo", Boolean.class).orElse(false);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The demo account was not loaded: eventos.demo (EVENTOS_DEMO) is not true or "
                    + "false", e);
            return;
        }
        if (!enabled) {
            return;
        }
        try {
            long started = System.nanoTime();
            DemoSeedResult result = seeder.seedIfMissing();
            LOG.info(result.describe() + (result.created() ? String.format(Locale.ROOT, " in %.1f s; sign in as %s",
                    (System.nanoTime() - started) / 1e9, DemoAccountSeeder.OWNER_EMAIL) : ""));
            // the dashboards' figures at once, instead of at the first round of the background refresh
            seeder.demoAccountId().ifPresent(rollups::refresh);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The demo account '" + DemoAccountSeeder.SLUG + "' could not be loaded; EventOS "
                    + "starts without it: " + e, e);
        }
    }
}

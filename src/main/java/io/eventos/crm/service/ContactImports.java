package io.eventos.crm.service;

import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.RequestOrigin;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts an import of contacts in the background: the file is checked and the status row written while the member
 * waits ({@link ContactImportService#open}: a file refused as a whole is refused here, with its reason), then a
 * container thread runs {@link ContactImportService#run} for the same account, member and request origin (the
 * audit log's address), and the page polls {@link ContactImportService#status}. When the import fails its
 * transaction is rolled back and the status row says so.
 */
@ApplicationScoped
public class ContactImports {

    private static final Logger LOG = Logger.getLogger(ContactImports.class.getName());

    @Resource
    ManagedExecutorService executor;
    @Inject
    ContactImportService imports;
    @Inject
    ContactImportProgress progress;

    /** Checks the file, writes the status row and starts the import; returns the import's id. */
    public UUID start(String fileName, byte[] content, List<String> mapping) {
        UUID account = CurrentTenant.require();
        UUID user = CurrentTenant.user().orElse(null);
        RequestOrigin origin = RequestOrigin.current().orElse(null);
        UUID id = imports.open(fileName, content, mapping);
        executor.execute(() -> run(account, user, origin, id, fileName, content, mapping));
        return id;
    }

    private void run(UUID account, UUID user, RequestOrigin origin, UUID id, String fileName, byte[] content,
                     List<String> mapping) {
        try (var tenant = CurrentTenant.bind(account); var member = CurrentTenant.bindUser(user)) {
            if (origin != null) {
                RequestOrigin.bind(origin);
            }
            try {
                long started = System.nanoTime();
                imports.run(id, fileName, content, mapping);
                LOG.info(String.format("Import %s committed %,d ms after it started", id,
                        (System.nanoTime() - started) / 1_000_000));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The import " + id + " of account " + account + " failed", e);
                progress.fail(id, "The import failed and nothing was imported. Try again; if it fails again, "
                        + "tell us the time: " + java.time.Instant.now() + ".");
            }
        } finally {
            RequestOrigin.clear();
        }
    }
}

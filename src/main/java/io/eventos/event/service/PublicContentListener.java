package io.eventos.event.service;

import io.eventos.platform.persistence.TenantEntity;
import io.eventos.platform.tenancy.CurrentTenant;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * JPA entity listener on the entities behind the public pages, attached in {@code META-INF/orm.xml} (so the
 * entities of other contexts need not know about it): any insert, update or delete fires
 * {@link PublicContentChanged} for the row's account, whoever wrote it (editor, agenda, import, API).
 * Rows written with plain SQL are not seen; the public page cache's short time to live covers them.
 */
public class PublicContentListener {

    private static final Logger LOG = Logger.getLogger(PublicContentListener.class.getName());

    @PostPersist
    @PostUpdate
    @PostRemove
    public void changed(Object entity) {
        UUID account = entity instanceof TenantEntity row ? row.getAccountId() : CurrentTenant.get().orElse(null);
        if (account == null) {
            return;
        }
        try {
            CDI.current().getBeanManager().getEvent().select(PublicContentChanged.class)
                    .fire(new PublicContentChanged(account));
        } catch (RuntimeException e) {
            // never fail a business write because a cache could not be told; it expires by itself
            LOG.log(Level.WARNING, "Could not announce a change of public content", e);
        }
    }
}

package io.eventos.marketing.service;

import io.eventos.crm.service.ContactDeliveries;
import io.eventos.platform.persistence.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Marketing's answer to the CRM's merge and erasure ({@link ContactDeliveries}): moves campaign deliveries between two
 * contacts of the bound account, or makes them forget an erased person's address, in the caller's transaction (row
 * level security keeps them to it). One statement each.
 */
@ApplicationScoped
public class DeliveriesForContacts implements ContactDeliveries {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @Override
    public List<UUID> move(UUID from, UUID to) {
        // one delivery per contact and campaign (a unique key): the survivor's own delivery of a campaign stays, the
        // merged contact's of that campaign stays with the merged row
        List<?> moved = em.createNativeQuery("""
                        with moved as (update campaign_deliveries d set contact_id = ?2 where d.contact_id = ?1
                                         and not exists (select 1 from campaign_deliveries x
                                                         where x.contact_id = ?2 and x.campaign_id = d.campaign_id)
                                       returning d.id) select id from moved""")
                .setParameter(1, from).setParameter(2, to).getResultList();
        return moved.stream().map(SqlValues::uuid).toList();
    }

    @Override
    public void moveBack(UUID from, UUID to, List<UUID> moved) {
        em.createNativeQuery("""
                        update campaign_deliveries set contact_id = ?1
                        where id = any(cast(?3 as uuid[])) and contact_id = ?2""")
                .setParameter(1, from).setParameter(2, to)
                .setParameter(3, moved.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")))
                .executeUpdate();
    }

    @Override
    public int erase(List<UUID> contacts) {
        return em.createNativeQuery("""
                        update campaign_deliveries set email = ''
                        where contact_id = any(cast(?1 as uuid[])) and email <> ''""")
                .setParameter(1, contacts.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")))
                .executeUpdate();
    }
}

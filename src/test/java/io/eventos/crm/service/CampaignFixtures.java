package io.eventos.crm.service;

import io.eventos.platform.persistence.SqlValues;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.TenantBound;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.UUID;

/** Test-only: campaigns and their deliveries in the bound account (marketing has no service that sends one yet). */
@Stateless
@TenantBound
public class CampaignFixtures {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    /** A draft campaign. */
    public UUID campaign(String name) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into campaigns (id, account_id, name) values (?1, ?2, ?3)")
                .setParameter(1, id).setParameter(2, CurrentTenant.require()).setParameter(3, name).executeUpdate();
        return id;
    }

    /** The campaign's delivery to the contact at this address. */
    public UUID delivery(UUID campaign, UUID contact, String email) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into campaign_deliveries (id, account_id, campaign_id, contact_id, email, token)
                        values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, id).setParameter(2, CurrentTenant.require()).setParameter(3, campaign)
                .setParameter(4, contact).setParameter(5, email).setParameter(6, UUID.randomUUID().toString())
                .executeUpdate();
        return id;
    }

    /** The contact a delivery belongs to now. */
    public UUID contactOf(UUID delivery) {
        return SqlValues.uuid(em.createNativeQuery("select contact_id from campaign_deliveries where id = ?1")
                .setParameter(1, delivery).getSingleResult());
    }

    /** The address a delivery went to. */
    public String emailOf(UUID delivery) {
        return (String) em.createNativeQuery("select email from campaign_deliveries where id = ?1")
                .setParameter(1, delivery).getSingleResult();
    }
}

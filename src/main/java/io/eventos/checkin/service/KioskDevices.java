package io.eventos.checkin.service;

import io.eventos.platform.crypto.RandomTokens;
import io.eventos.platform.tenancy.DeviceGrant;
import io.eventos.platform.tenancy.TenantBound;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Devices signed in by a kiosk link: the link names its account (bound by the caller) and carries a token whose
 * SHA-256 is looked up within that account, like an invitation. No permission is asked: the token is the credential.
 * A device is checked again on every request ({@link #active}), so revoking its link or its expiry stops it at once.
 */
@Stateless
@TenantBound
public class KioskDevices {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    /** The device of a link's token, if the link is valid now; marks it as seen. */
    public Optional<DeviceGrant> signIn(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery("""
                        update checkin_devices set last_seen_at = now()
                        where token_hash = ?1 and revoked_at is null and expires_at > now()
                        returning id, event_id, list_id, name""")
                .setParameter(1, RandomTokens.sha256Hex(token.strip())).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(grant((Object[]) rows.get(0)));
    }

    /** The device as it is now, if it is still valid (not revoked, not expired). */
    public Optional<DeviceGrant> active(UUID deviceId) {
        List<?> rows = em.createNativeQuery("""
                        select id, event_id, list_id, name from checkin_devices
                        where id = ?1 and revoked_at is null and expires_at > now()""")
                .setParameter(1, deviceId).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(grant((Object[]) rows.get(0)));
    }

    private static DeviceGrant grant(Object[] r) {
        return new DeviceGrant(CheckInQueries.uuid(r[0]), CheckInQueries.uuid(r[1]), CheckInQueries.uuid(r[2]),
                (String) r[3]);
    }
}

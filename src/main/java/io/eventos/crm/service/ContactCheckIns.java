package io.eventos.crm.service;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the CRM asks of check-in for one person's data (the GDPR export; answered by
 * {@code checkin.service.CheckInsForContacts}): the admissions and exits of the person's tickets, which ticketing
 * names ({@link ContactPurchases#tickets}). Owned here so that the CRM depends on no context above it
 * (docs/architecture.md, "Packages"). Runs in the caller's transaction; the CRM service has checked its permission.
 */
public interface ContactCheckIns {

    /** One admission or exit at the door. */
    record CheckInFact(String direction, Instant at) {
    }

    /**
     * The check-ins of these tickets (attendee ids) that were not undone, each ticket's oldest first; a ticket never
     * scanned is not in the map. One statement, none for no tickets.
     */
    Map<UUID, List<CheckInFact>> of(Collection<UUID> attendeeIds);
}

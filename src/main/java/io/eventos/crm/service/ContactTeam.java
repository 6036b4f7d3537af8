package io.eventos.crm.service;

import java.util.List;
import java.util.UUID;

/**
 * What the CRM asks of the account context (which answers: {@code account.service.TeamForContacts}): the team
 * members a contact or task can be given to. Owned here so that the CRM depends on no context above it
 * (docs/architecture.md, "Packages").
 */
public interface ContactTeam {

    /** A team member as the CRM names them. */
    record TeamMate(UUID userId, String name) {
    }

    /** The active members of the bound account, by name. */
    List<TeamMate> members();
}

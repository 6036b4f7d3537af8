package io.eventos.crm.service;

import java.util.UUID;

/**
 * A saved view of the contact list: its name, the filters and search ({@link ContactFilter}), the sort, whether the
 * team sees it ({@code shared}), and whether the signed-in member made it ({@code mine}: only they rename it).
 */
public record ContactView(UUID id, String name, ContactFilter filter, String sortField, boolean sortAscending,
                          boolean shared, boolean mine, String ownerName) {
}

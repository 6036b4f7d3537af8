package io.eventos.crm.service;

import java.util.UUID;

/** A saved segment with its rules and how many contacts match them now (counted up to the list's limit + 1). */
public record SegmentRow(UUID id, String name, ContactFilter rules, long count) {
}

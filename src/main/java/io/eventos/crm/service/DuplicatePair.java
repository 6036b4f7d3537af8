package io.eventos.crm.service;

/** Two contacts that are likely the same person, and why ("same name and company"). */
public record DuplicatePair(ContactSummary first, ContactSummary second, String reason) {
}

package io.eventos.crm.service;

/** A contact that is likely the same person as the one looked at, and why ("same name and phone"). */
public record DuplicateSuggestion(ContactSummary contact, String reason) {
}

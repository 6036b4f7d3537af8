package io.eventos.crm.service;

import java.time.Instant;

/** One change of a contact's marketing consent: given or withdrawn, where, when, by whom (a team member or nobody). */
public record ConsentChange(boolean granted, String source, Instant at, String actorName) {
}

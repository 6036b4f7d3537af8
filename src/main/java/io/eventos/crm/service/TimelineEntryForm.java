package io.eventos.crm.service;

import java.time.Instant;
import java.util.UUID;

/** A note, call, meeting or task a team member adds to a contact's timeline; due date and assignee are for tasks. */
public record TimelineEntryForm(String kind, String subject, String body, Instant dueAt, UUID assigneeUserId) {
}

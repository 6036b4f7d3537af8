package io.eventos.crm.service;

/**
 * A contact field a column of an imported file can fill: {@code key} is {@code first_name}, {@code last_name},
 * {@code email}, {@code phone}, {@code company}, {@code job_title}, {@code tags}, {@code consent} or
 * {@code custom:<key>} for the account's custom fields; an empty key leaves the column out.
 */
public record ImportField(String key, String label) {
}

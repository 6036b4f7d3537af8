/**
 * Admitting attendees at the door: each scan records an entry or exit (a history, not a flag); a scanner's nonce
 * makes a retried scan idempotent, and the attendee row is locked so two doors never admit the same ticket twice.
 * <p>Tables: {@code check_ins}.
 */
package io.eventos.checkin;

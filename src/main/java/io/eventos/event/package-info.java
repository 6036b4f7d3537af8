/**
 * Events and everything that describes them: venues and their rooms, event series, the agenda (sessions and
 * speakers) and uploaded media (cover images, logos, photos). Times are stored in UTC with the event's or venue's IANA
 * time zone.
 * <p>Tables: {@code events}, {@code event_series}, {@code venues}, {@code venue_rooms}, {@code sessions},
 * {@code speakers}, {@code session_speakers}, {@code media}.
 */
package io.eventos.event;

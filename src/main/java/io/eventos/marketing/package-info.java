/**
 * E-mail campaigns to segments of contacts who consented, with one delivery per recipient tracking sent, opened,
 * clicked, bounced and unsubscribed. Its campaigns go to the CRM's contacts, so marketing depends on the CRM, never
 * the other way round: it moves a merged contact's deliveries for the CRM ({@code service.DeliveriesForContacts}).
 * <p>Tables: {@code campaigns}, {@code campaign_deliveries}.
 */
package io.eventos.marketing;

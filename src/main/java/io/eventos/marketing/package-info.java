/**
 * E-mail campaigns to segments of contacts who consented, with one delivery per recipient tracking sent, opened,
 * clicked, bounced and unsubscribed.
 * <p>Tables: {@code campaigns}, {@code campaign_deliveries}.
 */
package io.eventos.marketing;

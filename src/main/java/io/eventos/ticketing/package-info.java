/**
 * Selling tickets: ticket types ({@code tickets}) with shared capacity groups, promo codes, holds (a checkout's
 * time-limited reservation), orders and their lines, payments and refunds, and attendees (one per issued ticket, with
 * the unguessable code in its QR code). Capacity is never exceeded: availability is checked under a lock. Orders are
 * never deleted.
 * <p>Tables: {@code tickets}, {@code capacity_groups}, {@code promo_codes}, {@code holds}, {@code hold_lines},
 * {@code orders}, {@code order_lines}, {@code payments}, {@code attendees}.
 */
package io.eventos.ticketing;

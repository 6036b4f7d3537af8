package io.eventos.ticketing.service;

import java.time.Instant;

/** The event a buyer is buying for, as the top of the checkout names it: what, when, where and who organizes it. */
public record CheckoutEvent(String accountName, String accountSlug, String eventName, String eventSlug,
                            Instant startsAt, Instant endsAt, String timeZone, String venueName, String venueAddress,
                            String onlineUrl, String organizerEmail) implements java.io.Serializable {

    /** "Venue, address", "Online" or null. */
    public String place() {
        if (venueName != null) {
            return venueName + (venueAddress == null ? "" : ", " + venueAddress);
        }
        return onlineUrl == null ? null : "Online";
    }
}

package io.eventos.event.web.publicsite;

import io.eventos.event.service.PublicEvent;
import io.eventos.event.service.PublicEventDetails;
import io.eventos.platform.text.SafeHtml;
import io.eventos.platform.text.ScriptJson;
import io.eventos.event.service.TicketOffer;
import io.eventos.platform.text.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;

/**
 * The schema.org {@code Event} of a public event page as JSON-LD, ready to be written inside
 * {@code <script type="application/ld+json">}: built with a JSON writer (so every value is a properly escaped JSON
 * string) and then made safe for a script element ({@link ScriptJson}: no {@code </script>} can end it early).
 * The online link is never included (attendees get it with their tickets).
 */
final class EventJsonLd {

    private static final String SCHEMA = "https://schema.org/";
    /** One factory for all: {@code Json.createObjectBuilder()} looks the provider up (ServiceLoader) every call. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    private EventJsonLd() {
    }

    static String of(PublicEventDetails details, String pageUrl, String organizerUrl, Instant now) {
        PublicEvent event = details.event();
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("@context", "https://schema.org")
                .add("@type", "Event")
                .add("name", event.name())
                .add("url", pageUrl)
                .add("startDate", EventTimes.iso(event.startsAt(), event.zone()))
                .add("endDate", EventTimes.iso(event.endsAt(), event.zone()))
                .add("eventStatus", SCHEMA + (event.isCancelled() ? "EventCancelled" : "EventScheduled"))
                .add("eventAttendanceMode", SCHEMA + (event.isOnlineOnly() ? "OnlineEventAttendanceMode"
                        : event.isHybrid() ? "MixedEventAttendanceMode" : "OfflineEventAttendanceMode"));
        String description = event.summary() != null && !event.summary().isBlank() ? event.summary()
                : SafeHtml.toText(event.descriptionHtml());
        if (!description.isBlank()) {
            json.add("description", description.strip());
        }
        JsonArrayBuilder locations = JSON.createArrayBuilder();
        PublicEvent.PublicVenue venue = event.venue();
        if (venue != null && !event.isOnlineOnly()) {
            JsonObjectBuilder address = JSON.createObjectBuilder().add("@type", "PostalAddress");
            addIfPresent(address, "streetAddress", join(venue.addressLine1(), venue.addressLine2()));
            addIfPresent(address, "addressLocality", venue.city());
            addIfPresent(address, "postalCode", venue.postalCode());
            addIfPresent(address, "addressRegion", venue.region());
            addIfPresent(address, "addressCountry", venue.country());
            JsonObjectBuilder place = JSON.createObjectBuilder().add("@type", "Place").add("name", venue.name())
                    .add("address", address);
            addIfPresent(place, "hasMap", venue.mapUrl());
            locations.add(place);
        }
        if (event.formatLabel() != null) {
            locations.add(JSON.createObjectBuilder().add("@type", "VirtualLocation").add("url", pageUrl));
        }
        var locationArray = locations.build();
        if (locationArray.size() == 1) {
            json.add("location", locationArray.get(0));
        } else if (!locationArray.isEmpty()) {
            json.add("location", locationArray);
        }
        JsonObjectBuilder organizer = JSON.createObjectBuilder().add("@type", "Organization")
                .add("name", details.organizer().name()).add("url", organizerUrl);
        addIfPresent(organizer, "email", event.organizerEmail());
        json.add("organizer", organizer);
        if (!details.offers().isEmpty() && !event.isCancelled()) {
            JsonArrayBuilder offers = JSON.createArrayBuilder();
            for (TicketOffer offer : details.offers()) {
                int digits = Currency.getInstance(offer.currency()).getDefaultFractionDigits();
                JsonObjectBuilder o = JSON.createObjectBuilder().add("@type", "Offer")
                        .add("name", offer.name())
                        .add("price", BigDecimal.valueOf(offer.priceMinor(), Math.max(0, digits)).toPlainString())
                        .add("priceCurrency", offer.currency())
                        .add("url", pageUrl)
                        .add("availability", SCHEMA + (offer.isSoldOut() ? "SoldOut"
                                : offer.state() == TicketOffer.SalesState.NOT_YET ? "PreOrder"
                                : offer.state() == TicketOffer.SalesState.ON_SALE ? "InStock" : "Discontinued"));
                if (offer.salesStart() != null) {
                    o.add("validFrom", EventTimes.iso(offer.salesStart(), event.zone()));
                }
                offers.add(o);
            }
            json.add("offers", offers);
        }
        return ScriptJson.escape(json.build().toString());
    }

    private static void addIfPresent(JsonObjectBuilder json, String name, String value) {
        if (value != null && !value.isBlank()) {
            json.add(name, value.strip());
        }
    }

    private static String join(String first, String second) {
        if (first == null || first.isBlank()) {
            return second;
        }
        return second == null || second.isBlank() ? first : first + ", " + second;
    }
}

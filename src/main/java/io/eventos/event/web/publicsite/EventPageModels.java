package io.eventos.event.web.publicsite;

import io.eventos.event.service.PublicAvailability;
import io.eventos.event.service.PublicEvent;
import io.eventos.event.service.PublicEventDetails;
import io.eventos.event.service.TicketOffer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Turns what the service read into the page's {@link EventPageModel}: texts, groups, links and metadata. */
final class EventPageModels {

    /** Below this many left, the page says how many ("Only 7 left"). */
    static final int FEW_LEFT = PublicAvailability.FEW_LEFT;
    static final String EVERYONE = "Everyone";

    private EventPageModels() {
    }

    /**
     * @param baseUrl     absolute address of the application, with its context path, without a trailing slash
     * @param contextPath the context path (for links within the site)
     * @param version     what else the HTML depends on (the deployment), mixed into the entity tag
     */
    static EventPageModel build(PublicEventDetails details, String baseUrl, String contextPath, Instant now,
                                String version) {
        PublicEvent event = details.event();
        String organizerPath = "/e/" + details.organizer().slug();
        String eventPath = organizerPath + "/" + event.slug();
        String pageUrl = baseUrl + eventPath;
        boolean ended = event.hasEnded(now);
        List<EventPageModel.OfferRow> offers = details.offers().stream()
                .map(offer -> offer(offer, event, now)).toList();
        String description = firstNonBlank(event.summary(), details.organizer().name() + " presents "
                + event.name() + ".");
        String jsonLd = EventJsonLd.of(details, pageUrl, baseUrl + organizerPath, now);
        String etag = etag(details, ended, baseUrl, version);
        return new EventPageModel(details.organizer(), event,
                EventTimes.range(event.startsAt(), event.endsAt(), event.zone()),
                EventTimes.zoneLabel(event.zone(), event.startsAt()),
                EventTimes.iso(event.startsAt(), event.zone()), EventTimes.iso(event.endsAt(), event.zone()),
                event.zone().getId(), agenda(event, contextPath + eventPath), offers, ended, event.formatLabel(),
                pageUrl, contextPath + organizerPath, contextPath + eventPath + ".ics", description, jsonLd, etag,
                now, details);
    }

    static List<EventPageModel.AgendaDay> agenda(PublicEvent event, String eventPath) {
        Map<String, List<PublicEvent.AgendaItem>> days = new LinkedHashMap<>();
        for (PublicEvent.AgendaItem item : event.agenda()) {
            days.computeIfAbsent(item.startsAt().atZone(event.zone()).toLocalDate().toString(),
                    d -> new ArrayList<>()).add(item);
        }
        List<EventPageModel.AgendaDay> result = new ArrayList<>();
        days.forEach((isoDate, items) -> {
            boolean tracked = items.stream().anyMatch(item -> !isBlank(item.track()));
            Map<String, List<EventPageModel.AgendaRow>> tracks = new LinkedHashMap<>();
            for (PublicEvent.AgendaItem item : items) {
                String track = !tracked ? "" : isBlank(item.track()) ? EVERYONE : item.track().strip();
                tracks.computeIfAbsent(track, t -> new ArrayList<>()).add(row(item, event, eventPath));
            }
            result.add(new EventPageModel.AgendaDay(EventTimes.day(items.get(0).startsAt(), event.zone()), isoDate,
                    tracks.entrySet().stream()
                            .map(e -> new EventPageModel.AgendaTrack(e.getKey().isEmpty() ? null : e.getKey(),
                                    List.copyOf(e.getValue())))
                            .toList()));
        });
        return List.copyOf(result);
    }

    private static EventPageModel.AgendaRow row(PublicEvent.AgendaItem item, PublicEvent event, String eventPath) {
        String kind = item.kind() == null ? null : switch (item.kind()) {
            case "KEYNOTE" -> "Keynote";
            case "WORKSHOP" -> "Workshop";
            case "BREAK" -> "Break";
            default -> null;
        };
        String details = Stream.of(kind, item.room()).filter(part -> !isBlank(part))
                .collect(Collectors.joining(" · "));
        String speakers = item.speakers().stream()
                .map(s -> isBlank(s.company()) ? s.name() : s.name() + " (" + s.company() + ")")
                .collect(Collectors.joining(", "));
        boolean isBreak = "BREAK".equals(item.kind());
        return new EventPageModel.AgendaRow(item.id().toString(),
                EventTimes.time(item.startsAt(), event.zone()) + " – " + EventTimes.time(item.endsAt(), event.zone()),
                EventTimes.iso(item.startsAt(), event.zone()), item.title(), details.isEmpty() ? null : details,
                speakers.isEmpty() ? null : speakers, item.description(),
                isBreak ? null : eventPath + "/sessions/" + item.id() + ".ics");
    }

    static EventPageModel.OfferRow offer(TicketOffer offer, PublicEvent event, Instant now) {
        String state = switch (offer.state()) {
            case ON_SALE -> "On sale";
            case NOT_YET -> offer.salesStart() == null ? "Sales not started yet"
                    : "On sale from " + EventTimes.dateTime(offer.salesStart(), event.zone());
            case ENDED -> "Sales ended";
            case PAUSED -> "Sales paused";
        };
        String availability = null;
        if (offer.isSoldOut()) {
            availability = "Sold out";
        } else if (offer.remaining() != null && offer.remaining() <= FEW_LEFT
                && offer.state() == TicketOffer.SalesState.ON_SALE) {
            availability = offer.remaining() == 1 ? "Only 1 left" : "Only " + offer.remaining() + " left";
        } else if (offer.state() == TicketOffer.SalesState.ON_SALE) {
            availability = "Available";
        }
        return new EventPageModel.OfferRow(offer.name(), offer.description(), price(offer), state, availability,
                offer.isSoldOut(), offer.state() == TicketOffer.SalesState.ON_SALE);
    }

    static String price(TicketOffer offer) {
        if (offer.isFree()) {
            return "Free";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.ENGLISH);
        Currency currency = Currency.getInstance(offer.currency());
        format.setCurrency(currency);
        format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
        format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
        return format.format(java.math.BigDecimal.valueOf(offer.priceMinor(), currency.getDefaultFractionDigits()));
    }

    /**
     * A weak entity tag over everything the page shows: the service's records (all values, written out by their
     * toString; of the ticket types, what the page says of their availability rather than the exact count left),
     * whether the event is over, the address the links use and the build. Weak because the bytes
     * differ between responses (the script nonce) while the content is the same.
     */
    static String etag(PublicEventDetails details, boolean ended, String baseUrl, String version) {
        // what is shown only: the offers' availability as the page says it (not the exact count left, which every
        // sale moves), and not the account's content version, which moves with a change to any of its pages
        List<TicketOffer> shown = details.offers().stream()
                .map(o -> new TicketOffer(o.id(), o.name(), o.description(), o.priceMinor(), o.currency(), o.state(),
                        o.salesStart(), o.salesEnd(), null, o.minPerOrder(), o.maxPerOrder(), o.discountMinor()))
                .toList();
        return "W/\"" + hash(details.organizer() + "|" + details.event() + "|" + shown + "|"
                + PublicAvailability.of(details.offers()) + "|" + ended + "|" + baseUrl + "|" + version) + "\"";
    }

    static String hash(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstNonBlank(String value, String fallback) {
        return isBlank(value) ? fallback : value.strip();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

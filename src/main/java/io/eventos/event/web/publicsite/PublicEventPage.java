package io.eventos.event.web.publicsite;

import io.eventos.account.service.AccountProfile;
import io.eventos.account.service.AccountService;
import io.eventos.event.service.PublicEvent;
import io.eventos.event.service.PublicEventService;
import io.eventos.platform.web.PublicSiteFilter;
import io.eventos.ticketing.service.TicketCatalog;
import io.eventos.ticketing.service.TicketOffer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.util.Faces;

import java.io.IOException;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** {@code /e/{account}/{event}}: the public page of one event. */
@Named
@RequestScoped
public class PublicEventPage {

    @Inject
    PublicEventService events;
    @Inject
    TicketCatalog tickets;
    @Inject
    AccountService accounts;

    private AccountProfile organizer;
    private PublicEvent event;
    private String when;
    private String zoneLabel;
    private List<AgendaDay> agenda = List.of();
    private List<OfferRow> offers = List.of();
    private boolean ended;
    private String formatLabel;

    /** View action: loads everything the page shows, or answers 404. */
    public void load() throws IOException {
        String slug = (String) Faces.getRequestAttribute(PublicSiteFilter.EVENT_SLUG);
        var found = slug == null ? java.util.Optional.<PublicEvent>empty() : events.findEvent(slug);
        if (found.isEmpty()) {
            Faces.responseSendError(404, "No such event");
            return;
        }
        event = found.get();
        organizer = accounts.currentProfile();
        when = EventTimes.range(event.startsAt(), event.endsAt(), event.zone());
        zoneLabel = EventTimes.zoneLabel(event.zone(), event.startsAt());
        agenda = groupByDay(event);
        ended = event.hasEnded(Instant.now());
        formatLabel = event.formatLabel();
        // nothing is sold for an event that is over or cancelled
        offers = ended || event.isCancelled() ? List.of()
                : tickets.publicOffers(event.id()).stream().map(OfferRow::of).toList();
    }

    private static List<AgendaDay> groupByDay(PublicEvent event) {
        Map<String, List<AgendaRow>> days = new LinkedHashMap<>();
        for (PublicEvent.AgendaItem item : event.agenda()) {
            days.computeIfAbsent(EventTimes.day(item.startsAt(), event.zone()), d -> new ArrayList<>())
                    .add(new AgendaRow(EventTimes.time(item.startsAt(), event.zone()) + " – "
                            + EventTimes.time(item.endsAt(), event.zone()), item.title(),
                            String.join(" · ", Stream.of(item.track(), item.room())
                                    .filter(part -> part != null && !part.isBlank()).toList()),
                            item.description()));
        }
        return days.entrySet().stream().map(e -> new AgendaDay(e.getKey(), e.getValue())).toList();
    }

    public AccountProfile getOrganizer() {
        return organizer;
    }

    public PublicEvent getEvent() {
        return event;
    }

    public String getWhen() {
        return when;
    }

    public String getZoneLabel() {
        return zoneLabel;
    }

    public List<AgendaDay> getAgenda() {
        return agenda;
    }

    public List<OfferRow> getOffers() {
        return offers;
    }

    public boolean isEnded() {
        return ended;
    }

    /** "Online event" / "In person and online", or null for an in-person event. */
    public String getFormatLabel() {
        return formatLabel;
    }

    /** A day of the agenda. */
    public record AgendaDay(String label, List<AgendaRow> items) {
    }

    /** One agenda line, times already in the event's zone; {@code where} is "Track · Room" (either may be absent). */
    public record AgendaRow(String time, String title, String where, String description) {
    }

    /** A ticket type with its price and sales state written out. */
    public record OfferRow(String name, String description, String price, String state) {

        static OfferRow of(TicketOffer offer) {
            String price;
            if (offer.isFree()) {
                price = "Free";
            } else {
                NumberFormat format = NumberFormat.getCurrencyInstance(Locale.ENGLISH);
                Currency currency = Currency.getInstance(offer.currency());
                format.setCurrency(currency);
                format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
                price = format.format(offer.priceMinor() / Math.pow(10, currency.getDefaultFractionDigits()));
            }
            String state = switch (offer.state()) {
                case ON_SALE -> "On sale";
                case NOT_YET -> "Sales not started yet";
                case ENDED -> "Sales ended";
                case PAUSED -> "Sales paused";
            };
            return new OfferRow(offer.name(), offer.description(), price, state);
        }
    }
}

package io.eventos.event.service;

import io.eventos.account.service.AccountProfile;
import io.eventos.event.service.TicketOffer;

import java.util.List;

/**
 * Everything the public page of one event shows, read in one transaction.
 *
 * @param contentVersion the account's public content version read before the rest ({@link PublicPageStore}): a
 *                       rendering of these details is current while the version has not moved on
 */
public record PublicEventDetails(AccountProfile organizer, PublicEvent event, List<TicketOffer> offers,
                                 long contentVersion) {

    /** Details outside any kept rendering (tests, previews): version 0 is never current. */
    public PublicEventDetails(AccountProfile organizer, PublicEvent event, List<TicketOffer> offers) {
        this(organizer, event, offers, 0);
    }
}

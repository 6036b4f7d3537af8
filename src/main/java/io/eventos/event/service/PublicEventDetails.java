package io.eventos.event.service;

import io.eventos.account.service.AccountProfile;
import io.eventos.event.service.TicketOffer;

import java.util.List;

/** Everything the public page of one event shows, read in one transaction. */
public record PublicEventDetails(AccountProfile organizer, PublicEvent event, List<TicketOffer> offers) {
}

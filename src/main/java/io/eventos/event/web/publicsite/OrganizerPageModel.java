package io.eventos.event.web.publicsite;

import io.eventos.account.service.AccountProfile;
import io.eventos.event.service.EventCard;

import java.util.List;

/** Everything {@code /e/{account}} shows, cached for every visitor like {@link EventPageModel}. */
public record OrganizerPageModel(AccountProfile organizer, List<Row> upcoming, String pageUrl, String path,
                                 String etag) {

    /** An upcoming event with its dates written out in its zone and its link. */
    public record Row(EventCard event, String when, String path, boolean cancelled) {
    }
}

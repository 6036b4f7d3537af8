package io.eventos.event.web.publicsite;

import io.eventos.event.service.PublicOrganizer;

/** Turns the organizer's public data into the page's {@link OrganizerPageModel}. */
final class OrganizerPageModels {

    private OrganizerPageModels() {
    }

    static OrganizerPageModel build(PublicOrganizer organizer, String baseUrl, String contextPath, String version) {
        String path = "/e/" + organizer.profile().slug();
        var rows = organizer.upcoming().stream()
                .map(card -> new OrganizerPageModel.Row(card,
                        EventTimes.range(card.startsAt(), card.endsAt(), card.zone()),
                        contextPath + path + "/" + card.slug(), card.isCancelled()))
                .toList();
        return new OrganizerPageModel(organizer.profile(), rows, baseUrl + path, contextPath + path,
                "W/\"" + EventPageModels.hash(organizer + "|" + baseUrl + "|" + version) + "\"");
    }
}

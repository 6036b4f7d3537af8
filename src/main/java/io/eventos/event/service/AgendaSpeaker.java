package io.eventos.event.service;

import java.util.UUID;

/** A speaker of an event; {@code photoId} names the media row of their photo, or is null. */
public record AgendaSpeaker(UUID id, String name, String company, String jobTitle, String bio, UUID photoId,
                            int sortOrder) {

    /** "VP Product, Fjordline Software", or whichever of the two is known. */
    public String affiliation() {
        boolean job = jobTitle != null && !jobTitle.isBlank();
        boolean org = company != null && !company.isBlank();
        return job && org ? jobTitle + ", " + company : job ? jobTitle : org ? company : "";
    }
}

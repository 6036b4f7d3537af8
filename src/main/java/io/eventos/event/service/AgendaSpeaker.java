package io.eventos.event.service;

import java.util.UUID;

/**
 * A speaker of an event; {@code photoId} names the media row of their photo and {@code photoUrl} is where it is
 * served ({@code /media/{account}/{id}}, relative to the context root), both null without a photo.
 */
public record AgendaSpeaker(UUID id, String name, String company, String jobTitle, String bio, UUID photoId,
                            String photoUrl, int sortOrder) {

    /** "VP Product, Fjordline Software", or whichever of the two is known. */
    public String affiliation() {
        boolean job = jobTitle != null && !jobTitle.isBlank();
        boolean org = company != null && !company.isBlank();
        return job && org ? jobTitle + ", " + company : job ? jobTitle : org ? company : "";
    }
}

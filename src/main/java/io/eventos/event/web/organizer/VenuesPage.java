package io.eventos.event.web.organizer;

import io.eventos.event.service.VenueRow;
import io.eventos.event.service.VenueService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** {@code /app/venues.xhtml}: the account's venues; {@code ?archived=true} includes archived ones. */
@Named
@RequestScoped
public class VenuesPage {

    @Inject
    VenueService venues;

    private boolean archived;
    private List<VenueRow> rows = List.of();

    public void load() {
        rows = venues.list(archived);
    }

    public List<VenueRow> getRows() {
        return rows;
    }

    public boolean isArchived() {
        return archived;
    }

    public void setArchived(boolean archived) {
        this.archived = archived;
    }
}

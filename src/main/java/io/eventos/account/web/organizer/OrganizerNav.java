package io.eventos.account.web.organizer;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.util.Map;

/**
 * Which entry of the organizer navigation the current page belongs to (issue 17), so the template marks it: an
 * event's pages (tickets, orders, an order, ...) belong to "events", a contact to "contacts".
 */
@Named
@RequestScoped
public class OrganizerNav {

    private static final Map<String, String> SECTIONS = Map.ofEntries(
            Map.entry("index", "dashboard"),
            Map.entry("events", "events"), Map.entry("event", "events"), Map.entry("event-dashboard", "events"),
            Map.entry("agenda", "events"), Map.entry("speaker", "events"), Map.entry("tickets", "events"),
            Map.entry("promo-codes", "events"), Map.entry("orders", "events"), Map.entry("order", "events"),
            Map.entry("attendees", "events"), Map.entry("checkin", "events"),
            Map.entry("reports", "reports"),
            Map.entry("venues", "venues"), Map.entry("venue", "venues"),
            Map.entry("contacts", "contacts"), Map.entry("contact", "contacts"),
            Map.entry("team", "team"), Map.entry("settings", "settings"), Map.entry("audit", "audit"),
            Map.entry("security", "security"));

    private String section;

    /** The section of the page being rendered ({@code events}, {@code contacts}, ...), or an empty string. */
    public String getSection() {
        if (section == null) {
            FacesContext faces = FacesContext.getCurrentInstance();
            String viewId = faces == null || faces.getViewRoot() == null ? "" : faces.getViewRoot().getViewId();
            String name = viewId.substring(viewId.lastIndexOf('/') + 1).replace(".xhtml", "");
            section = viewId.startsWith("/app/") ? SECTIONS.getOrDefault(name, "") : "";
        }
        return section;
    }
}

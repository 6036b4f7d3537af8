package io.eventos.ticketing.web.organizer;

import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.web.Formats;
import io.eventos.ticketing.service.PromoCodeForm;
import io.eventos.ticketing.service.PromoCodeRow;
import io.eventos.ticketing.service.PromoCodeService;
import io.eventos.ticketing.service.SaleRefusedException;
import io.eventos.ticketing.service.SalesEvent;
import io.eventos.ticketing.service.TicketTypeRow;
import io.eventos.ticketing.service.TicketTypeService;
import io.eventos.ticketing.service.TicketingException;
import io.eventos.ticketing.service.TicketingInputException;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/**
 * {@code /app/promo-codes.xhtml?event=…}: an event's promo codes with their uses ("3 / 10") and derived state, and
 * the form to add or change one; dates are entered and shown in the event's time zone, amounts in its currency.
 */
@Named
@ViewScoped
public class PromoCodesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient PromoCodeService promoCodes;
    @Inject
    transient TicketTypeService tickets;

    private UUID event;
    private SalesEvent sales;
    private List<PromoCodeRow> rows;
    private List<TicketTypeRow> ticketTypes;

    private PromoCodeFields form = new PromoCodeFields();

    /** f:viewAction: loads the event or answers 404. */
    public void load() throws IOException {
        UUID id = event;
        if (id == null) {
            Faces.responseSendError(404, "Not found");
            return;
        }
        try {
            sales = tickets.event(id);
        } catch (AccessDeniedException e) {
            Faces.responseSendError(404, "Not found");
            return;
        }
        rows = promoCodes.list(sales.id());
        ticketTypes = tickets.list(sales.id());
    }

    public void edit(PromoCodeRow row) {
        form = PromoCodeFields.from(row, sales.currencyDigits(), sales.zone());
    }

    public void save() throws IOException {
        PromoCodeForm input = form.toInput(sales.currencyDigits(), sales.zone());
        if (input == null) {
            return;
        }
        try {
            if (form.id() == null) {
                promoCodes.create(sales.id(), input);
                Messages.addFlashGlobalInfo("The code " + input.code().strip() + " was added.");
            } else {
                promoCodes.update(sales.id(), form.id(), input);
                Messages.addFlashGlobalInfo("The code " + input.code().strip() + " was saved.");
            }
            reload();
        } catch (TicketingInputException refused) {
            refused.problems().forEach(p -> Messages.addError("promo-form:" + p.field(), p.message()));
            FacesContext.getCurrentInstance().validationFailed();
        } catch (TicketingException | AccessDeniedException | SaleRefusedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    public void delete(PromoCodeRow row) throws IOException {
        try {
            promoCodes.delete(sales.id(), row.id());
            Messages.addFlashGlobalInfo("The code " + row.code() + " was deleted.");
            reload();
        } catch (TicketingException | AccessDeniedException | SaleRefusedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    public void end(PromoCodeRow row) throws IOException {
        try {
            promoCodes.end(sales.id(), row.id());
            Messages.addFlashGlobalInfo("The code " + row.code() + " has ended: it cannot be used any more.");
            reload();
        } catch (TicketingException | AccessDeniedException | SaleRefusedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    /** After a change: a fresh GET of the page (PRG), with an empty form. */
    private void reload() throws IOException {
        Faces.redirect(Faces.getRequestContextPath() + "/app/promo-codes.xhtml?event=" + sales.id());
    }

    /** "Mon 1 Dec 2026, 09:00 – Wed 31 Dec 2026, 23:59" in the event's zone; "always" for an open window. */
    public String validity(PromoCodeRow row) {
        if (row.validFrom() == null && row.validUntil() == null) {
            return "always";
        }
        String from = row.validFrom() == null ? null : Formats.WHEN.format(row.validFrom().atZone(sales.zone()));
        String until = row.validUntil() == null ? null : Formats.WHEN.format(row.validUntil().atZone(sales.zone()));
        return from == null ? "until " + until : until == null ? "from " + from : from + " – " + until;
    }

    public String appliesTo(PromoCodeRow row) {
        if (row.ticketIds().isEmpty()) {
            return "All ticket types";
        }
        return row.ticketNames().isEmpty() ? "(deleted ticket types)" : String.join(", ", row.ticketNames());
    }

    public String perOrder(PromoCodeRow row) {
        return row.perOrderLimit() == null ? "no limit"
                : row.perOrderLimit() + (row.perOrderLimit() == 1 ? " ticket" : " tickets");
    }

    public boolean hasHiddenTicketTypes() {
        return ticketTypes.stream().anyMatch(TicketTypeRow::hidden);
    }

    public boolean isEditingExisting() {
        return form.id() != null;
    }

    /** The code being added or changed, as typed. */
    public PromoCodeFields getForm() {
        return form;
    }

    public SalesEvent getSales() {
        return sales;
    }

    public List<PromoCodeRow> getRows() {
        return rows;
    }

    public List<TicketTypeRow> getTicketTypes() {
        return ticketTypes;
    }

    public UUID getEvent() {
        return event;
    }

    public void setEvent(UUID event) {
        this.event = event;
    }
}

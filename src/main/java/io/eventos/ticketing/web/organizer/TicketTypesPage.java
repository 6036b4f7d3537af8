package io.eventos.ticketing.web.organizer;

import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.web.FieldMessages;
import io.eventos.ticketing.service.CancellationPolicy;
import io.eventos.ticketing.service.Money;
import io.eventos.ticketing.service.SalesEvent;
import io.eventos.ticketing.service.Stock;
import io.eventos.ticketing.service.TicketTypeForm;
import io.eventos.ticketing.service.TicketTypeRow;
import io.eventos.ticketing.service.TicketTypeService;
import io.eventos.ticketing.service.TicketingException;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import java.io.IOException;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * {@code /app/tickets.xhtml?event=…}: an event's ticket types with sold / pending / held / available and their
 * derived status, the capacity explainer, the form to add or change a type or a shared capacity group, and the
 * event's cancellation policy for buyers (none, cancel with a full refund, or refund on request; until N hours or
 * days before the start).
 */
@Named
@ViewScoped
public class TicketTypesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient TicketTypeService tickets;

    private UUID event;
    private SalesEvent sales;
    private List<TicketTypeRow> rows;
    private List<Stock.GroupStock> groups;
    private Stock stock;

    private TicketTypeFields form = new TicketTypeFields();

    private String groupName;
    private Integer groupCapacity;

    private CancellationPolicy policy;
    private String policyKind;
    private Integer policyAmount;
    private String policyUnit;

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
        refresh();
        showPolicy(tickets.cancellationPolicy(id));
    }

    private void showPolicy(CancellationPolicy current) {
        policy = current;
        policyKind = current.kind().code();
        int hours = current.kind() == CancellationPolicy.Kind.NONE ? 48 : current.hoursBefore();
        boolean days = hours % 24 == 0 && hours > 0;
        policyUnit = days ? "days" : "hours";
        policyAmount = days ? hours / 24 : hours;
    }

    /** Saves the cancellation policy; the amount is in days or hours as chosen. */
    public void savePolicy() {
        CancellationPolicy.Kind kind = null;
        for (CancellationPolicy.Kind k : CancellationPolicy.Kind.values()) {
            if (k.code().equals(policyKind)) {
                kind = k;
            }
        }
        Integer hours = policyAmount == null ? null
                : "days".equals(policyUnit) ? (int) Math.min(Integer.MAX_VALUE, policyAmount * 24L) : policyAmount;
        try {
            tickets.saveCancellationPolicy(sales.id(), kind, hours);
            showPolicy(tickets.cancellationPolicy(sales.id()));
            Messages.addGlobalInfo("Cancellation policy saved. " + policy.summary());
        } catch (TicketingException refused) {
            FieldMessages.show("policy-form", refused);
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    private void refresh() {
        rows = tickets.list(sales.id());
        groups = tickets.groups(sales.id());
        stock = tickets.stock(sales.id());
    }

    public void edit(TicketTypeRow row) {
        form = TicketTypeFields.from(row, digits(), zone());
    }

    public void startNew() {
        form = TicketTypeFields.blank(rows == null ? 0 : rows.size());
    }

    public void save() {
        TicketTypeForm input = form.toInput(digits(), zone());
        if (input == null) {
            return;
        }
        try {
            if (form.id() == null) {
                tickets.create(sales.id(), input);
                Messages.addGlobalInfo("“" + input.name().strip() + "” was added. The form below is ready for "
                        + "another ticket type.");
            } else {
                tickets.update(sales.id(), form.id(), input);
                Messages.addGlobalInfo("“" + input.name().strip() + "” was saved. The form below is ready for a new "
                        + "ticket type.");
            }
            refresh();
            // a fresh form after every save: typing the next type never overwrites the one just saved
            startNew();
        } catch (TicketingException refused) {
            FieldMessages.show("ticket-form", refused);
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    public void delete(TicketTypeRow row) {
        try {
            tickets.delete(sales.id(), row.id());
            Messages.addGlobalInfo("“" + row.name() + "” was deleted.");
            if (row.id().equals(form.id())) {
                startNew();
            }
            refresh();
        } catch (TicketingException | AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    public void addGroup() {
        try {
            tickets.createGroup(sales.id(), groupName, groupCapacity == null ? -1 : groupCapacity);
            Messages.addGlobalInfo("The capacity group “" + groupName.strip() + "” was added.");
            groupName = null;
            groupCapacity = null;
            refresh();
        } catch (TicketingException refused) {
            FieldMessages.show("group-form", refused);
        }
    }

    public String money(long minor) {
        return Money.format(minor, sales.currency());
    }

    /** "12 of 100" or "12 (no limit)". */
    public String availability(TicketTypeRow row) {
        return row.available() < 0 ? "no limit" : String.valueOf(row.available());
    }

    private int digits() {
        return sales.currencyDigits();
    }

    private ZoneId zone() {
        return sales.zone();
    }

    public boolean isEditingExisting() {
        return form.id() != null;
    }

    /** The ticket type being added or changed, as typed. */
    public TicketTypeFields getForm() {
        return form;
    }

    public SalesEvent getSales() {
        return sales;
    }

    public List<TicketTypeRow> getRows() {
        return rows;
    }

    public List<Stock.GroupStock> getGroups() {
        return groups;
    }

    public Stock getStock() {
        return stock;
    }

    public UUID getEvent() {
        return event;
    }

    public void setEvent(UUID event) {
        this.event = event;
    }

    public CancellationPolicy getPolicy() {
        return policy;
    }

    public String getPolicyKind() {
        return policyKind;
    }

    public void setPolicyKind(String policyKind) {
        this.policyKind = policyKind;
    }

    public Integer getPolicyAmount() {
        return policyAmount;
    }

    public void setPolicyAmount(Integer policyAmount) {
        this.policyAmount = policyAmount;
    }

    public String getPolicyUnit() {
        return policyUnit;
    }

    public void setPolicyUnit(String policyUnit) {
        this.policyUnit = policyUnit;
    }

    public String getGroupName() {
        return groupName;
    }

    public void setGroupName(String groupName) {
        this.groupName = groupName;
    }

    public Integer getGroupCapacity() {
        return groupCapacity;
    }

    public void setGroupCapacity(Integer groupCapacity) {
        this.groupCapacity = groupCapacity;
    }
}

package io.eventos.crm.web.organizer;

import io.eventos.crm.service.ContactEvents;
import io.eventos.crm.service.ContactFieldDef;
import io.eventos.crm.service.ContactFieldService;
import io.eventos.crm.service.ContactFilter;
import io.eventos.crm.service.ContactRow;
import io.eventos.crm.service.ContactSegmentService;
import io.eventos.crm.service.ContactService;
import io.eventos.crm.service.ContactTeam;
import io.eventos.crm.service.SegmentRow;
import io.eventos.platform.input.InputProblem;
import io.eventos.platform.input.InputRefusedException;
import io.eventos.platform.security.AccessDeniedException;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code /app/contacts.xhtml}: the account's contacts, searched as you type (word prefixes on the search vector),
 * filtered by tag, event bought or attended, consent and owner, paged in SQL; bulk tag and owner on the selected
 * rows, CSV and XLSX export of the filtered list, and the account's custom field definitions; the import of a CSV
 * file is {@link ContactsImportPage}.
 */
@Named
@ViewScoped
public class ContactsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    transient ContactService contacts;
    @Inject
    transient ContactFieldService fields;
    @Inject
    transient ContactSegmentService segmentService;

    private String text;
    private String tag;
    private String bought;
    private String attended;
    private String consent;
    private String owner;
    private String notAttended;
    private Integer attendedAtLeast;
    private String buyer;
    private String segment;
    private String segmentName;
    private List<SegmentRow> segments;
    private List<ContactEvents.ContactEvent> events;
    private List<ContactTeam.TeamMate> team;
    private Map<UUID, String> teamNames;
    private List<ContactFieldDef> fieldDefs;
    private List<ContactRow> selected = new ArrayList<>();
    private String bulkTag;
    private String bulkOwner;
    private String fieldLabel;
    private String fieldKind = "text";
    private String fieldChoices;
    private long matches;

    private final LazyDataModel<ContactRow> rows = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            matches = contacts.count(filter());
            return (int) Math.min(matches, ContactService.COUNT_LIMIT);
        }

        @Override
        public List<ContactRow> load(int first, int pageSize, Map<String, SortMeta> sort,
                                     Map<String, FilterMeta> filters) {
            SortMeta by = sort == null || sort.isEmpty() ? null : sort.values().iterator().next();
            return contacts.list(filter(), first, pageSize, by == null ? "lastActivity" : by.getField(),
                    by != null && by.getOrder() == SortOrder.ASCENDING);
        }

        @Override
        public String getRowKey(ContactRow row) {
            return row.id().toString();
        }

        @Override
        public ContactRow getRowData(String rowKey) {
            return getWrappedData() == null ? null : ((List<ContactRow>) getWrappedData()).stream()
                    .filter(r -> r.id().toString().equals(rowKey)).findFirst().orElse(null);
        }
    };

    public void load() throws IOException {
        try {
            events = contacts.eventChoices();
            team = contacts.teamMembers();
            teamNames = team.stream().collect(Collectors.toMap(ContactTeam.TeamMate::userId,
                    ContactTeam.TeamMate::name));
            fieldDefs = fields.list();
            if (segment != null && !segment.isBlank() && !Faces.isPostback()) {
                segments = segmentService.list();
                UUID id = uuid(segment);
                if (id == null) {
                    throw new AccessDeniedException("No such segment.");
                }
                ContactFilter rules = segmentService.rules(id);
                text = rules.text();
                tag = rules.tag();
                bought = string(rules.boughtEvent());
                attended = string(rules.attendedEvent());
                consent = rules.consent();
                owner = string(rules.owner());
                notAttended = string(rules.boughtNotAttendedEvent());
                attendedAtLeast = rules.attendedAtLeast();
                buyer = rules.buyer();
                segmentName = segments.stream().filter(x -> x.id().equals(id)).map(SegmentRow::name).findFirst()
                        .orElse(null);
            }
        } catch (AccessDeniedException e) {
            Faces.responseSendError(404, "Not found");
        }
    }

    /**
     * The saved segments with their live counts, asked for by the page once it shows (a remote command), not by its
     * first request: counting every segment at a million contacts must not hold up the list, and the list's own
     * request stays within its statement budget (OrganizerListQueriesIT). Read once per view; saving or removing a
     * segment reads them again.
     */
    public void loadSegments() {
        if (segments == null) {
            try {
                segments = segmentService.list();
            } catch (AccessDeniedException refused) {
                segments = List.of();
            }
        }
    }

    ContactFilter filter() {
        return new ContactFilter(text, tag, uuid(bought), uuid(attended), consent, uuid(owner), uuid(notAttended),
                attendedAtLeast, buyer);
    }

    /** Saves the filters as they are as a segment (a segment of the same name gets these rules). */
    public void saveSegment() {
        try {
            segmentService.save(segmentName, filter());
            Messages.addGlobalInfo("Segment “" + segmentName.strip() + "” saved.");
            segments = segmentService.list();
        } catch (InputRefusedException refused) {
            refused.problems().forEach(p -> Messages.addError("contacts-form:" + p.field(), p.message()));
            Faces.validationFailed();
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    public void removeSegment(SegmentRow row) {
        try {
            segmentService.remove(row.id());
            Messages.addGlobalInfo("Segment “" + row.name() + "” removed.");
            segments = segmentService.list();
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    public String countText(long count) {
        return count > ContactService.COUNT_LIMIT ? "more than " + String.format("%,d", ContactService.COUNT_LIMIT)
                : String.format("%,d", count);
    }

    private static String string(UUID id) {
        return id == null ? null : id.toString();
    }

    /** Changed filters show their first page (not the page number the previous filters were on). */
    public void firstPage() {
        if (FacesContext.getCurrentInstance().getViewRoot().findComponent("contacts-form:contacts")
                instanceof DataTable table) {
            table.setFirst(0);
        }
    }

    public void bulkTag() {
        try {
            int changed = contacts.bulkTag(selectedIds(), bulkTag);
            Messages.addGlobalInfo("Tag “" + bulkTag.strip().toLowerCase() + "” added to " + changed
                    + (changed == 1 ? " contact." : " contacts."));
            bulkTag = null;
        } catch (InputRefusedException refused) {
            refused.problems().forEach(p -> Messages.addError("contacts-form:" + p.field(), p.message()));
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    public void bulkOwner() {
        try {
            UUID to = uuid(bulkOwner);
            int changed = contacts.bulkOwner(selectedIds(), to);
            Messages.addGlobalInfo(changed + (changed == 1 ? " contact" : " contacts") + " now owned by "
                    + (to == null ? "nobody" : teamNames.get(to)) + ".");
        } catch (InputRefusedException refused) {
            refused.problems().forEach(p -> Messages.addError("contacts-form:" + p.field(), p.message()));
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    public void addField() {
        try {
            fields.add(fieldLabel, fieldKind, fieldChoices);
            Messages.addGlobalInfo("Field “" + fieldLabel.strip() + "” added: fill it in on each contact's page.");
            fieldLabel = null;
            fieldChoices = null;
            fieldDefs = fields.list();
        } catch (InputRefusedException refused) {
            for (InputProblem p : refused.problems()) {
                Messages.addError("fields-form:" + p.field(), p.message());
            }
            Faces.validationFailed();
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    public void removeField(ContactFieldDef field) {
        try {
            fields.remove(field.id());
            Messages.addGlobalInfo("Field “" + field.label() + "” removed.");
            fieldDefs = fields.list();
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    private Set<UUID> selectedIds() {
        return selected == null ? Set.of() : selected.stream().map(ContactRow::id).collect(Collectors.toSet());
    }

    /** The CSV export of what the filters show (a relative link: never built from request headers). */
    public String getExportPath() {
        return "/app/export/contacts.csv" + exportQuery();
    }

    /** The same list as XLSX. */
    public String getXlsxExportPath() {
        return "/app/export/contacts.xlsx" + exportQuery();
    }

    private String exportQuery() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("text", text);
        query.put("tag", tag);
        query.put("bought", bought);
        query.put("attended", attended);
        query.put("consent", consent);
        query.put("owner", owner);
        query.put("not_attended", notAttended);
        query.put("attended_at_least", attendedAtLeast == null ? null : attendedAtLeast.toString());
        query.put("buyer", buyer);
        String parameters = query.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return parameters.isEmpty() ? "" : "?" + parameters;
    }

    public String matchesText() {
        return matches > ContactService.COUNT_LIMIT ? "More than " + String.format("%,d", ContactService.COUNT_LIMIT)
                + " contacts" : String.format("%,d", matches) + (matches == 1 ? " contact" : " contacts");
    }

    public String ownerName(UUID userId) {
        return userId == null || teamNames == null ? "" : teamNames.getOrDefault(userId, "");
    }

    public String at(Instant instant) {
        return instant == null ? "" : WHEN.format(instant.atZone(ZoneOffset.UTC));
    }

    static UUID uuid(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String getNotAttended() {
        return notAttended;
    }

    public void setNotAttended(String notAttended) {
        this.notAttended = notAttended;
    }

    public Integer getAttendedAtLeast() {
        return attendedAtLeast;
    }

    public void setAttendedAtLeast(Integer attendedAtLeast) {
        this.attendedAtLeast = attendedAtLeast;
    }

    public String getBuyer() {
        return buyer;
    }

    public void setBuyer(String buyer) {
        this.buyer = buyer;
    }

    public String getSegment() {
        return segment;
    }

    public void setSegment(String segment) {
        this.segment = segment;
    }

    public String getSegmentName() {
        return segmentName;
    }

    public void setSegmentName(String segmentName) {
        this.segmentName = segmentName;
    }

    public List<SegmentRow> getSegments() {
        return segments;
    }

    public LazyDataModel<ContactRow> getRows() {
        return rows;
    }

    public List<ContactEvents.ContactEvent> getEvents() {
        return events;
    }

    public List<ContactTeam.TeamMate> getTeam() {
        return team;
    }

    public List<ContactFieldDef> getFieldDefs() {
        return fieldDefs;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
    }

    public String getBought() {
        return bought;
    }

    public void setBought(String bought) {
        this.bought = bought;
    }

    public String getAttended() {
        return attended;
    }

    public void setAttended(String attended) {
        this.attended = attended;
    }

    public String getConsent() {
        return consent;
    }

    public void setConsent(String consent) {
        this.consent = consent;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public List<ContactRow> getSelected() {
        return selected;
    }

    public void setSelected(List<ContactRow> selected) {
        this.selected = selected;
    }

    public String getBulkTag() {
        return bulkTag;
    }

    public void setBulkTag(String bulkTag) {
        this.bulkTag = bulkTag;
    }

    public String getBulkOwner() {
        return bulkOwner;
    }

    public void setBulkOwner(String bulkOwner) {
        this.bulkOwner = bulkOwner;
    }

    public String getFieldLabel() {
        return fieldLabel;
    }

    public void setFieldLabel(String fieldLabel) {
        this.fieldLabel = fieldLabel;
    }

    public String getFieldKind() {
        return fieldKind;
    }

    public void setFieldKind(String fieldKind) {
        this.fieldKind = fieldKind;
    }

    public String getFieldChoices() {
        return fieldChoices;
    }

    public void setFieldChoices(String fieldChoices) {
        this.fieldChoices = fieldChoices;
    }
}

package io.eventos.crm.web.organizer;

import io.eventos.crm.service.ContactEvents;
import io.eventos.crm.service.ContactFieldDef;
import io.eventos.crm.service.ContactFieldService;
import io.eventos.crm.service.ContactFilter;
import io.eventos.crm.service.ContactFilters;
import io.eventos.crm.service.ContactTicketTypes;
import io.eventos.crm.service.ContactView;
import io.eventos.crm.service.ContactViewService;
import io.eventos.crm.service.CustomFieldCondition;
import io.eventos.crm.service.ContactRow;
import io.eventos.crm.service.ContactSegmentService;
import io.eventos.crm.service.ContactService;
import io.eventos.crm.service.ContactTeam;
import io.eventos.crm.service.SegmentRow;
import io.eventos.platform.input.InputRefusedException;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.web.FieldMessages;
import io.eventos.platform.web.Formats;
import io.eventos.platform.web.Ids;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code /app/contacts.xhtml}: the account's contacts, searched as you type (word prefixes on the search vector),
 * filtered by tag, event bought or attended, consent and owner, paged in SQL; bulk tag and owner on the selected
 * rows, CSV and XLSX export of the filtered list, and the account's custom field definitions; the import of a CSV
 * file is {@link ContactsImportPage}. "More filters" (abandoned checkout, spent at least, ticket type bought, a custom
 * field) reads its menus only when opened. Saved views ({@code ?view=}) keep the filters, search and sort under a
 * name; their list is read when "Saved views" is opened, so the list's own request stays as cheap as before.
 */
@Named
@ViewScoped
public class ContactsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The table's rows per page (contacts.xhtml binds it), the first page a search reads with its count. */
    static final int PAGE_SIZE = 25;

    @Inject
    transient ContactService contacts;
    @Inject
    transient ContactFieldService fields;
    @Inject
    transient ContactSegmentService segmentService;
    @Inject
    transient ContactViewService viewService;

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
    private String view;
    private String abandoned;
    private String spentCurrency;
    private String spentAtLeast;
    private String ticketType;
    /** The custom field conditions' rows (as many as a filter may have); the first {@link #customShown} show. */
    private final List<CustomRow> customRows = new ArrayList<>();
    private int customShown = 1;
    private boolean moreFilters;
    private List<ContactTicketTypes.TicketTypeChoice> ticketTypes;
    private List<String> currencies;
    /** The filters the list shows: the last ones that were valid (bad input leaves the list as it was). */
    private ContactFilter applied;
    private String sortField = "lastActivity";
    private boolean sortAscending;
    private List<ContactView> views;
    private String viewName;
    private boolean viewShared;
    private String openViewName;
    /** The new names typed in the rows of the saved views, by view id. */
    private final Map<String, String> renames = new java.util.HashMap<>();
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

    {
        for (int i = 0; i < ContactFilter.MAX_CUSTOM_CONDITIONS; i++) {
            customRows.add(new CustomRow());
        }
    }

    /** One custom field condition as typed: the field, how to compare, the value. */
    public static class CustomRow implements Serializable {

        private static final long serialVersionUID = 1L;

        private String key;
        private String operator;
        private String value;

        public String getKey() {
            return key;
        }

        public void setKey(String key) {
            this.key = key;
        }

        public String getOperator() {
            return operator;
        }

        public void setOperator(String operator) {
            this.operator = operator;
        }

        public String getValue() {
            return value;
        }

        public void setValue(String value) {
            this.value = value;
        }
    }

    private final LazyDataModel<ContactRow> rows = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        /** A search's first page, read with its count; null once taken or when not read (see count). */
        private transient List<ContactRow> firstRows;
        private String firstSortField;
        private boolean firstSortAscending;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            // PrimeFaces asks for the count before every page; a search reads its first page with it (the load
            // that follows takes it when it asks for that page in that order)
            ContactService.SearchPage both = contacts.searchFirstPage(applied(), PAGE_SIZE, sortField, sortAscending);
            firstRows = both == null ? null : both.rows();
            firstSortField = sortField;
            firstSortAscending = sortAscending;
            matches = both == null ? contacts.count(applied()) : both.matches();
            return (int) Math.min(matches, ContactService.COUNT_LIMIT);
        }

        @Override
        public List<ContactRow> load(int first, int pageSize, Map<String, SortMeta> sort,
                                     Map<String, FilterMeta> filters) {
            SortMeta by = sort == null || sort.isEmpty() ? null : sort.values().iterator().next();
            if (by != null && by.getField() != null && by.getOrder() != SortOrder.UNSORTED) {
                sortField = by.getField(); // what a saved view keeps
                sortAscending = by.getOrder() == SortOrder.ASCENDING;
            }
            List<ContactRow> read = firstRows;
            firstRows = null;
            if (read != null && first == 0 && pageSize == PAGE_SIZE && Objects.equals(sortField, firstSortField)
                    && sortAscending == firstSortAscending) {
                return read;
            }
            return contacts.list(applied(), first, pageSize, sortField, sortAscending);
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
                UUID id = Ids.parse(segment);
                if (id == null) {
                    throw new AccessDeniedException("No such segment.");
                }
                show(segmentService.rules(id));
                segmentName = segments.stream().filter(x -> x.id().equals(id)).map(SegmentRow::name).findFirst()
                        .orElse(null);
            } else if (view != null && !view.isBlank() && !Faces.isPostback()) {
                UUID id = Ids.parse(view);
                if (id == null) {
                    throw new AccessDeniedException("No such view.");
                }
                ContactView saved = viewService.find(id);
                show(saved.filter());
                sortField = saved.sortField();
                sortAscending = saved.sortAscending();
                openViewName = saved.name();
                viewName = saved.mine() ? saved.name() : null;
                viewShared = saved.shared() && saved.mine();
            }
        } catch (AccessDeniedException e) {
            Faces.responseSendError(404, "Not found");
        }
    }

    /** Puts stored rules into the fields (a segment's or a view's), and opens "More filters" when they use it. */
    private void show(ContactFilter rules) {
        text = rules.text();
        tag = rules.tag();
        bought = string(rules.boughtEvent());
        attended = string(rules.attendedEvent());
        consent = rules.consent();
        owner = string(rules.owner());
        notAttended = string(rules.boughtNotAttendedEvent());
        attendedAtLeast = rules.attendedAtLeast();
        buyer = rules.buyer();
        abandoned = rules.abandoned();
        spentCurrency = rules.spentCurrency();
        spentAtLeast = ContactFilters.amount(rules.spentAtLeastMinor(), rules.spentCurrency());
        ticketType = string(rules.ticketType());
        List<CustomFieldCondition> custom = rules.custom();
        for (int i = 0; i < customRows.size(); i++) {
            CustomFieldCondition condition = i < custom.size() ? custom.get(i) : null;
            customRows.get(i).setKey(condition == null ? null : condition.key());
            customRows.get(i).setOperator(condition == null ? null : condition.operator());
            customRows.get(i).setValue(condition == null ? null : condition.value());
        }
        customShown = Math.max(1, Math.min(custom.size(), customRows.size()));
        applied = rules;
        if (rules.usesMoreFilters()) {
            openMoreFilters();
        }
    }

    /** "More filters": its menus (ticket types and their currencies) are read when it is first opened. */
    public void openMoreFilters() {
        moreFilters = true;
        if (ticketTypes == null) {
            ticketTypes = contacts.ticketTypeChoices();
            currencies = ticketTypes.stream().map(ContactTicketTypes.TicketTypeChoice::currency).distinct().sorted()
                    .toList();
            if (spentCurrency == null && !currencies.isEmpty()) {
                spentCurrency = currencies.get(0);
            }
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

    /** The filters as typed, checked: every bad value is named next to its field (and the list stays as it was). */
    ContactFilter filter() {
        ContactFilter base = new ContactFilter(text, tag, Ids.parse(bought), Ids.parse(attended), consent, Ids.parse(owner),
                Ids.parse(notAttended), attendedAtLeast, buyer);
        List<ContactFilters.TypedCondition> customs = customRows.subList(0, customShown).stream()
                .map(r -> new ContactFilters.TypedCondition(r.getKey(), r.getOperator(), r.getValue())).toList();
        return ContactFilters.withSales(base, abandoned, spentCurrency, spentAtLeast, ticketType,
                fieldDefs == null ? List.of() : fieldDefs, customs);
    }

    private ContactFilter applied() {
        if (applied == null) {
            try {
                applied = filter();
            } catch (InputRefusedException refused) {
                applied = ContactFilter.all();
            }
        }
        return applied;
    }

    /** The "Filter" button and the search as you type: the list shows these filters from its first page. */
    public void applyFilters() {
        try {
            applied = filter();
            firstPage();
        } catch (InputRefusedException refused) {
            FieldMessages.show("contacts-form", refused);
        }
    }

    /** Opens the list of saved views (the member's own and the team's shared ones). */
    public void openViews() {
        try {
            views = viewService.list();
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    /** Saves the list as it is (filters, search, sort) as a view of the signed-in member. */
    public void saveView() {
        try {
            ContactFilter filter = filter();
            UUID id = viewService.save(viewName, filter, sortField, sortAscending, viewShared);
            applied = filter;
            openViewName = viewName.strip();
            view = id.toString();
            Messages.addGlobalInfo("View “" + viewName.strip() + "” saved" + (viewShared ? " and shared with the team."
                    : ". Only you see it."));
            views = viewService.list();
        } catch (InputRefusedException refused) {
            FieldMessages.show("contacts-form", refused);
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    /** Renames one of the member's views with the name typed in its row. */
    public void renameView(ContactView row) {
        String name = renames.getOrDefault(row.id().toString(), "");
        try {
            viewService.rename(row.id(), name);
            Messages.addGlobalInfo("View “" + row.name() + "” renamed to “" + name.strip() + "”.");
            renames.clear();
            views = viewService.list();
        } catch (InputRefusedException refused) {
            refused.problems().forEach(p -> Messages.addGlobalError(p.message()));
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    public void removeView(ContactView row) {
        try {
            viewService.remove(row.id());
            Messages.addGlobalInfo("View “" + row.name() + "” removed.");
            views = viewService.list();
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    /** Saves the filters as they are as a segment (a segment of the same name gets these rules). */
    public void saveSegment() {
        try {
            ContactFilter filter = filter();
            segmentService.save(segmentName, filter);
            applied = filter;
            Messages.addGlobalInfo("Segment “" + segmentName.strip() + "” saved.");
            segments = segmentService.list();
        } catch (InputRefusedException refused) {
            FieldMessages.show("contacts-form", refused);
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
            FieldMessages.show("contacts-form", refused);
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    public void bulkOwner() {
        try {
            UUID to = Ids.parse(bulkOwner);
            int changed = contacts.bulkOwner(selectedIds(), to);
            Messages.addGlobalInfo(changed + (changed == 1 ? " contact" : " contacts") + " now owned by "
                    + (to == null ? "nobody" : teamNames.get(to)) + ".");
        } catch (InputRefusedException refused) {
            FieldMessages.show("contacts-form", refused);
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
            FieldMessages.show("fields-form", refused);
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
        ContactFilter shown = applied();
        List<Map.Entry<String, String>> query = new ArrayList<>();
        query.add(parameter("text", shown.text()));
        query.add(parameter("tag", shown.tag()));
        query.add(parameter("bought", string(shown.boughtEvent())));
        query.add(parameter("attended", string(shown.attendedEvent())));
        query.add(parameter("consent", shown.consent()));
        query.add(parameter("owner", string(shown.owner())));
        query.add(parameter("not_attended", string(shown.boughtNotAttendedEvent())));
        query.add(parameter("attended_at_least", shown.attendedAtLeast() == null ? null
                : shown.attendedAtLeast().toString()));
        query.add(parameter("buyer", shown.buyer()));
        query.add(parameter("abandoned", shown.abandoned()));
        if (shown.spentAtLeastMinor() != null) {
            query.add(parameter("spent_currency", shown.spentCurrency()));
            query.add(parameter("spent_at_least", ContactFilters.amount(shown.spentAtLeastMinor(),
                    shown.spentCurrency())));
        }
        query.add(parameter("ticket_type", string(shown.ticketType())));
        for (CustomFieldCondition condition : shown.custom()) { // once per condition, in order
            query.add(parameter("custom_field", condition.key()));
            query.add(parameter("custom_op", condition.operator()));
            query.add(parameter("custom_value", condition.value()));
        }
        String parameters = query.stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return parameters.isEmpty() ? "" : "?" + parameters;
    }

    /** A parameter of the export's address (the value may be null: left out). */
    private static Map.Entry<String, String> parameter(String name, String value) {
        return new java.util.AbstractMap.SimpleImmutableEntry<>(name, value);
    }

    public String matchesText() {
        return matches > ContactService.COUNT_LIMIT ? "More than " + String.format("%,d", ContactService.COUNT_LIMIT)
                + " contacts" : String.format("%,d", matches) + (matches == 1 ? " contact" : " contacts");
    }

    public String ownerName(UUID userId) {
        return userId == null || teamNames == null ? "" : teamNames.getOrDefault(userId, "");
    }

    public String at(Instant instant) {
        return instant == null ? "" : Formats.ISO_MINUTE.format(instant.atZone(ZoneOffset.UTC));
    }

    public Map<String, String> getRenames() {
        return renames;
    }

    /** The operators the custom field chosen in condition {@code row} (from 0) allows, with their words. */
    public List<String[]> customOperators(int row) {
        String key = customRows.get(row).getKey();
        String kind = fieldDefs == null ? null : fieldDefs.stream().filter(f -> f.key().equals(key))
                .map(ContactFieldDef::kind).findFirst().orElse(null);
        if (kind == null) {
            return List.of();
        }
        return switch (kind) {
            case "text" -> List.of(new String[] {"contains", "contains"}, new String[] {"equals", "is exactly"});
            case "number" -> List.of(new String[] {"at_least", "≥ (at least)"}, new String[] {"at_most", "≤ (at most)"});
            case "date" -> List.of(new String[] {"before", "before"}, new String[] {"after", "after"});
            default -> List.<String[]>of(new String[] {"is", "is"});
        };
    }

    /** A hint for the value of the custom field chosen in condition {@code row}: its choices, yes/no, format. */
    public String customHint(int row) {
        String key = customRows.get(row).getKey();
        ContactFieldDef field = fieldDefs == null ? null : fieldDefs.stream().filter(f -> f.key().equals(key))
                .findFirst().orElse(null);
        if (field == null) {
            return "";
        }
        return switch (field.kind()) {
            case "choice" -> "One of: " + String.join(", ", field.choices());
            case "yes_no" -> "yes or no (people who never answered match neither)";
            case "date" -> "yyyy-mm-dd";
            case "number" -> "a number, e.g. 42 or 3.5";
            default -> "any case";
        };
    }

    /** The custom field of condition {@code row} changed: its operator starts at the first one it allows. */
    public void customFieldChanged(int row) {
        List<String[]> operators = customOperators(row);
        customRows.get(row).setOperator(operators.isEmpty() ? null : operators.get(0)[0]);
    }

    /** "Add a condition": one more custom field condition row (all of them must hold). */
    public void addCustomCondition() {
        customShown = Math.min(customRows.size(), customShown + 1);
    }

    public List<CustomRow> getCustomRows() {
        return customRows;
    }

    public int getCustomShown() {
        return customShown;
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

    public int getPageSize() {
        return PAGE_SIZE;
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

    public String getView() {
        return view;
    }

    public void setView(String view) {
        this.view = view;
    }

    public String getAbandoned() {
        return abandoned;
    }

    public void setAbandoned(String abandoned) {
        this.abandoned = abandoned;
    }

    public String getSpentCurrency() {
        return spentCurrency;
    }

    public void setSpentCurrency(String spentCurrency) {
        this.spentCurrency = spentCurrency;
    }

    public String getSpentAtLeast() {
        return spentAtLeast;
    }

    public void setSpentAtLeast(String spentAtLeast) {
        this.spentAtLeast = spentAtLeast;
    }

    public String getTicketType() {
        return ticketType;
    }

    public void setTicketType(String ticketType) {
        this.ticketType = ticketType;
    }

    public String getViewName() {
        return viewName;
    }

    public void setViewName(String viewName) {
        this.viewName = viewName;
    }

    public boolean isViewShared() {
        return viewShared;
    }

    public void setViewShared(boolean viewShared) {
        this.viewShared = viewShared;
    }

    public boolean isMoreFilters() {
        return moreFilters;
    }

    public List<ContactTicketTypes.TicketTypeChoice> getTicketTypes() {
        return ticketTypes;
    }

    public List<String> getCurrencies() {
        return currencies;
    }

    public List<ContactView> getViews() {
        return views;
    }

    public String getOpenViewName() {
        return openViewName;
    }

    /**
     * The order the column {@code field} shows as its sort arrow when the table is first drawn: the sort the list is
     * read with (the default, or a reopened view's), so the arrow never disagrees with the rows.
     */
    public String sortOrderOf(String field) {
        return !field.equals(sortField) ? "unsorted" : sortAscending ? "asc" : "desc";
    }

    public String getSortField() {
        return sortField;
    }

    public boolean isSortAscending() {
        return sortAscending;
    }
}

package io.eventos.crm.web.organizer;

import io.eventos.crm.service.ConsentChange;
import io.eventos.crm.service.ContactDetails;
import io.eventos.crm.service.ContactFieldDef;
import io.eventos.crm.service.ContactFieldService;
import io.eventos.crm.service.ContactPrivacyService;
import io.eventos.crm.service.ContactForm;
import io.eventos.crm.service.ContactMergeService;
import io.eventos.crm.service.DuplicateSuggestion;
import io.eventos.crm.service.MergeRecord;
import io.eventos.crm.service.ContactService;
import io.eventos.crm.service.ContactTeam;
import io.eventos.crm.service.TimelineEntry;
import io.eventos.crm.service.TimelineEntryForm;
import io.eventos.platform.input.InputProblem;
import io.eventos.platform.input.InputRefusedException;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.web.Formats;
import io.eventos.platform.web.Ids;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /app/contact.xhtml?id=…} (one contact: fields, tags, custom fields, consent and its history, the timeline
 * newest first with "show older", notes, calls, meetings and tasks) and {@code /app/contact.xhtml} without an id
 * (the "New contact" form). A refused value is shown next to its field; what was typed stays.
 */
@Named
@ViewScoped
public class ContactPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int TIMELINE_PAGE = 20;

    @Inject
    transient ContactService contacts;
    @Inject
    transient ContactFieldService fields;
    @Inject
    transient ContactPrivacyService privacy;
    @Inject
    transient ContactMergeService merging;

    private UUID id;
    private ContactDetails detail;
    private boolean creating;
    private List<ContactTeam.TeamMate> team;
    private Map<UUID, String> teamNames;
    private List<ContactFieldDef> fieldDefs;

    private String firstName;
    private String lastName;
    private String email;
    private String phone;
    private String company;
    private String jobTitle;
    private String addressLine;
    private String postalCode;
    private String city;
    private String country;
    private List<String> tags = new ArrayList<>();
    private String owner;
    private Map<String, String> custom = new HashMap<>();
    private final Map<String, String> customErrors = new HashMap<>();

    private String consentChoice;
    private String consentSource;
    private List<ConsentChange> consentHistory = List.of();

    private List<DuplicateSuggestion> duplicates = List.of();
    private List<MergeRecord> merges = List.of();

    private List<TimelineEntry> timeline = new ArrayList<>();
    private boolean moreTimeline;

    private String entryKind = "note";
    private String entrySubject;
    private String entryBody;
    private LocalDate entryDue;
    private String entryAssignee;

    public void load() throws IOException {
        try {
            team = contacts.teamMembers();
            teamNames = new LinkedHashMap<>();
            team.forEach(m -> teamNames.put(m.userId(), m.name()));
            fieldDefs = fields.list();
            if (id == null) {
                creating = true;
                if (!Faces.getContext().isPostback()
                        && !Faces.evaluateExpressionGet("#{organizer.can('CONTACTS_MANAGE')}").equals(Boolean.TRUE)) {
                    Faces.responseSendError(404, "Not found");
                }
                return;
            }
            UUID contactId = id;
            try {
                detail = contacts.detail(contactId);
            } catch (AccessDeniedException notHere) {
                var survivor = merging.mergedInto(contactId); // an old link to a merged contact: its survivor
                if (survivor.isPresent()) {
                    Faces.getFlash().setKeepMessages(true);
                    Messages.addGlobalInfo("That contact was merged into this one.");
                    Faces.redirect(Faces.getRequestContextPath() + "/app/contact.xhtml?id=" + survivor.get());
                    return;
                }
                throw notHere;
            }
            fill(detail.form());
            duplicates = merging.suggestions(detail.id());
            merges = merging.merges(detail.id());
            consentChoice = detail.consent() ? "yes" : "no";
            consentHistory = contacts.consentHistory(detail.id());
            timeline = new ArrayList<>();
            moreTimeline(null);
        } catch (IllegalArgumentException | AccessDeniedException e) {
            Faces.responseSendError(404, "Not found");
        }
    }

    private void fill(ContactForm form) {
        firstName = form.firstName();
        lastName = form.lastName();
        email = form.email();
        phone = form.phone();
        company = form.company();
        jobTitle = form.jobTitle();
        addressLine = form.addressLine();
        postalCode = form.postalCode();
        city = form.city();
        country = form.country();
        tags = new ArrayList<>(form.tags());
        owner = form.ownerUserId() == null ? null : form.ownerUserId().toString();
        custom = new HashMap<>(form.customFields());
    }

    private ContactForm form() {
        return new ContactForm(firstName, lastName, email, phone, company, jobTitle, addressLine, postalCode, city,
                country, tags, Ids.parse(owner), custom);
    }

    public String save() {
        customErrors.clear();
        try {
            if (creating) {
                UUID created = contacts.create(form());
                Faces.getFlash().setKeepMessages(true);
                Messages.addGlobalInfo("Contact created.");
                return "/app/contact?faces-redirect=true&id=" + created;
            }
            contacts.update(detail.id(), form());
            detail = contacts.detail(detail.id());
            fill(detail.form());
            Messages.addGlobalInfo("Saved.");
        } catch (InputRefusedException refused) {
            refused(refused, "contact-form");
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
        return null;
    }

    public void changeConsent() {
        try {
            contacts.changeConsent(detail.id(), "yes".equals(consentChoice), consentSource);
            detail = contacts.detail(detail.id());
            consentHistory = contacts.consentHistory(detail.id());
            consentSource = null;
            Messages.addGlobalInfo(detail.consent() ? "Marketing consent recorded." : "Marketing consent withdrawn.");
        } catch (InputRefusedException refused) {
            refused(refused, "consent-form");
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    public void addEntry() {
        try {
            Instant due = entryDue == null ? null : entryDue.atTime(17, 0).toInstant(ZoneOffset.UTC);
            contacts.addEntry(detail.id(), new TimelineEntryForm(entryKind, entrySubject, entryBody, due,
                    Ids.parse(entryAssignee)));
            Messages.addGlobalInfo(switch (entryKind) {
                case "task" -> "Task added.";
                case "call" -> "Call recorded.";
                case "meeting" -> "Meeting recorded.";
                default -> "Note added.";
            });
            entrySubject = null;
            entryBody = null;
            entryDue = null;
            entryAssignee = null;
            timeline = new ArrayList<>();
            moreTimeline(null);
        } catch (InputRefusedException refused) {
            refused(refused, "entry-form");
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    public void toggleTask(TimelineEntry task) {
        try {
            contacts.completeTask(task.id(), task.doneAt() == null);
            timeline = new ArrayList<>();
            moreTimeline(null);
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    /** Erases the person (GDPR) and goes back to the list: the contact page of an erased person is gone. */
    public String erase() {
        try {
            ContactPrivacyService.Erasure erased = privacy.erase(detail.id());
            Faces.getFlash().setKeepMessages(true);
            Messages.addGlobalInfo("Erased. " + erased.orders() + (erased.orders() == 1 ? " order" : " orders")
                    + " and " + erased.attendees() + (erased.attendees() == 1 ? " ticket" : " tickets")
                    + " now show \"" + ContactPrivacyService.ERASED_NAME + "\".");
            return "/app/contacts?faces-redirect=true";
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
            return null;
        }
    }

    /** Undoes a merge into this contact; the page is loaded again (both contacts as before the merge). */
    public String undoMerge(MergeRecord merge) {
        try {
            merging.undo(merge.id());
            Faces.getFlash().setKeepMessages(true);
            Messages.addGlobalInfo("Merge undone: " + merge.mergedName() + " is a contact of its own again.");
            return "/app/contact?faces-redirect=true&id=" + detail.id();
        } catch (InputRefusedException refused) {
            Messages.addGlobalError(refused.getMessage());
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
        return null;
    }

    /** "Not a duplicate": the suggestion leaves this card (and the list of possible duplicates) for good. */
    public void dismissDuplicate(DuplicateSuggestion suggestion) {
        try {
            merging.dismiss(detail.id(), suggestion.contact().id());
            duplicates = merging.suggestions(detail.id());
            Messages.addGlobalInfo(suggestion.contact().name() + " is no longer suggested as a duplicate. "
                    + "Restore it from the list of possible duplicates.");
        } catch (InputRefusedException refused) {
            Messages.addGlobalError(refused.problems().get(0).message());
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    public List<DuplicateSuggestion> getDuplicates() {
        return duplicates;
    }

    public List<MergeRecord> getMerges() {
        return merges;
    }

    public String memberName(UUID userId) {
        return userId == null ? "someone" : teamNames.getOrDefault(userId, "a former member");
    }

    public void showOlder() {
        moreTimeline(timeline.isEmpty() ? null : timeline.get(timeline.size() - 1).id());
    }

    private void moreTimeline(UUID before) {
        List<TimelineEntry> page = contacts.timeline(detail.id(), before, TIMELINE_PAGE + 1);
        moreTimeline = page.size() > TIMELINE_PAGE;
        timeline.addAll(moreTimeline ? page.subList(0, TIMELINE_PAGE) : page);
    }

    private void refused(InputRefusedException refused, String formId) {
        for (InputProblem problem : refused.problems()) {
            if (problem.field().startsWith("custom-")) {
                customErrors.put(problem.field().substring("custom-".length()), problem.message());
                Messages.addGlobalError(problem.message());
            } else {
                Messages.addError(formId + ":" + problem.field(), problem.message());
            }
        }
        FacesContext.getCurrentInstance().validationFailed();
    }

    // ------------------------------------------------------------------------------------------- for the view

    public String at(Instant instant) {
        return instant == null ? "" : Formats.ISO_MINUTE.format(instant.atZone(ZoneOffset.UTC));
    }

    public String day(Instant instant) {
        return instant == null ? "" : Formats.ISO_DAY.format(instant.atZone(ZoneOffset.UTC));
    }

    public String kindLabel(String kind) {
        return switch (kind) {
            case "order_placed" -> "Order placed";
            case "order_paid" -> "Order paid";
            case "order_cancelled" -> "Order cancelled";
            case "ticket_checked_in" -> "Checked in";
            case "email_sent" -> "Email sent";
            case "email_opened" -> "Email opened";
            case "email_clicked" -> "Email link clicked";
            case "unsubscribed" -> "Unsubscribed";
            case "note" -> "Note";
            case "call" -> "Call";
            case "meeting" -> "Meeting";
            case "task" -> "Task";
            case "imported" -> "Imported";
            default -> "Other";
        };
    }

    public String ownerName() {
        return detail == null || detail.form().ownerUserId() == null ? "nobody"
                : teamNames.getOrDefault(detail.form().ownerUserId(), "a former member");
    }

    public String customError(String key) {
        return customErrors.get(key);
    }

    public boolean isEditable() {
        return creating || detail != null && detail.editable();
    }

    public UUID getId() {
        return id;
    }

    public void setId(UUID id) {
        this.id = id;
    }

    public ContactDetails getDetail() {
        return detail;
    }

    public boolean isCreating() {
        return creating;
    }

    public List<ContactTeam.TeamMate> getTeam() {
        return team;
    }

    public List<ContactFieldDef> getFieldDefs() {
        return fieldDefs;
    }

    public List<ConsentChange> getConsentHistory() {
        return consentHistory;
    }

    public List<TimelineEntry> getTimeline() {
        return timeline;
    }

    public boolean isMoreTimeline() {
        return moreTimeline;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getCompany() {
        return company;
    }

    public void setCompany(String company) {
        this.company = company;
    }

    public String getJobTitle() {
        return jobTitle;
    }

    public void setJobTitle(String jobTitle) {
        this.jobTitle = jobTitle;
    }

    public String getAddressLine() {
        return addressLine;
    }

    public void setAddressLine(String addressLine) {
        this.addressLine = addressLine;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(String postalCode) {
        this.postalCode = postalCode;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public List<String> getTags() {
        return tags;
    }

    public void setTags(List<String> tags) {
        this.tags = tags == null ? new ArrayList<>() : tags;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public Map<String, String> getCustom() {
        return custom;
    }

    public String getConsentChoice() {
        return consentChoice;
    }

    public void setConsentChoice(String consentChoice) {
        this.consentChoice = consentChoice;
    }

    public String getConsentSource() {
        return consentSource;
    }

    public void setConsentSource(String consentSource) {
        this.consentSource = consentSource;
    }

    public String getEntryKind() {
        return entryKind;
    }

    public void setEntryKind(String entryKind) {
        this.entryKind = entryKind;
    }

    public String getEntrySubject() {
        return entrySubject;
    }

    public void setEntrySubject(String entrySubject) {
        this.entrySubject = entrySubject;
    }

    public String getEntryBody() {
        return entryBody;
    }

    public void setEntryBody(String entryBody) {
        this.entryBody = entryBody;
    }

    public LocalDate getEntryDue() {
        return entryDue;
    }

    public void setEntryDue(LocalDate entryDue) {
        this.entryDue = entryDue;
    }

    public String getEntryAssignee() {
        return entryAssignee;
    }

    public void setEntryAssignee(String entryAssignee) {
        this.entryAssignee = entryAssignee;
    }
}

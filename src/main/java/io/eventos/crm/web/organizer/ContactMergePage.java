package io.eventos.crm.web.organizer;

import io.eventos.crm.service.ContactDetails;
import io.eventos.crm.service.ContactForm;
import io.eventos.crm.service.ContactMergeService;
import io.eventos.crm.service.ContactService;
import io.eventos.crm.service.ContactTeam;
import io.eventos.platform.input.InputRefusedException;
import io.eventos.platform.security.AccessDeniedException;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@code /app/contact-merge.xhtml?survivor=…&other=…}: two contacts side by side; for each field where both have a
 * different value, which one the survivor keeps (its own by default); empty fields are filled from the other. "Merge"
 * merges {@code other} into {@code survivor} and opens the survivor, whose page offers the undo. Managers and up
 * (CONTACTS_MANAGE_ALL); everyone else gets "not found".
 */
@Named
@ViewScoped
public class ContactMergePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ContactService contacts;
    @Inject
    transient ContactMergeService merging;

    private UUID survivor;
    private UUID other;
    private ContactDetails keep;
    private ContactDetails merged;
    private final List<FieldRow> rows = new ArrayList<>();
    private List<String> tagsAfter = List.of();

    /** One field of the comparison; {@code choice} is "survivor" or "other" where both differ. */
    public static class FieldRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String key;
        private final String label;
        private final String survivorValue;
        private final String otherValue;
        private final boolean choosable;
        private String choice = "survivor";

        FieldRow(String key, String label, String survivorValue, String otherValue, boolean choosable) {
            this.choosable = choosable;
            this.key = key;
            this.label = label;
            this.survivorValue = survivorValue;
            this.otherValue = otherValue;
        }

        public String getKey() {
            return key;
        }

        public String getLabel() {
            return label;
        }

        public String getSurvivorValue() {
            return survivorValue;
        }

        public String getOtherValue() {
            return otherValue;
        }

        /** Both have a value and they differ: the member chooses. */
        public boolean isAsk() {
            return choosable && survivorValue != null && otherValue != null && !survivorValue.equals(otherValue);
        }

        /** The survivor has none: it takes the other's. */
        public boolean isFilled() {
            return survivorValue == null && otherValue != null;
        }

        public String getChoice() {
            return choice;
        }

        public void setChoice(String choice) {
            this.choice = choice;
        }
    }

    public void load() throws IOException {
        try {
            if (survivor == null || other == null) {
                return; // the page says how to get here
            }
            keep = contacts.detail(survivor);
            merged = contacts.detail(other);
            if (keep.id().equals(merged.id())) {
                Faces.responseSendError(404, "Not found");
                return;
            }
            Map<UUID, String> team = new LinkedHashMap<>();
            for (ContactTeam.TeamMate m : contacts.teamMembers()) {
                team.put(m.userId(), m.name());
            }
            ContactForm a = keep.form();
            ContactForm b = merged.form();
            rows.clear();
            row("firstName", "First name", a, b, ContactForm::firstName);
            row("lastName", "Last name", a, b, ContactForm::lastName);
            // the survivor keeps its address (or takes the other's when it has none); the other's stays reserved for it
            rows.add(new FieldRow("email", "Email", a.email(), b.email(), false));
            row("phone", "Phone", a, b, ContactForm::phone);
            row("company", "Company", a, b, ContactForm::company);
            row("jobTitle", "Job title", a, b, ContactForm::jobTitle);
            row("addressLine", "Address", a, b, ContactForm::addressLine);
            row("postalCode", "Postal code", a, b, ContactForm::postalCode);
            row("city", "City", a, b, ContactForm::city);
            row("country", "Country", a, b, ContactForm::country);
            row("owner", "Owner", a, b, f -> f.ownerUserId() == null ? null : team.getOrDefault(f.ownerUserId(),
                    "a former member"));
            List<String> tags = new ArrayList<>(a.tags());
            b.tags().stream().filter(t -> !tags.contains(t)).forEach(tags::add);
            tagsAfter = tags;
        } catch (IllegalArgumentException | AccessDeniedException e) {
            Faces.responseSendError(404, "Not found");
        }
    }

    private void row(String key, String label, ContactForm a, ContactForm b, Function<ContactForm, String> value) {
        rows.add(new FieldRow(key, label, value.apply(a), value.apply(b), true));
    }

    public String merge() {
        try {
            Set<String> fromOther = new HashSet<>();
            for (FieldRow row : rows) {
                if (row.isAsk() && "other".equals(row.getChoice())) {
                    fromOther.add(row.getKey());
                }
            }
            merging.merge(keep.id(), merged.id(), fromOther);
            Faces.getFlash().setKeepMessages(true);
            Messages.addGlobalInfo(merged.name() + " was merged into " + keep.name()
                    + ". Changed your mind? \"Undo merge\" below puts both back.");
            return "/app/contact?faces-redirect=true&id=" + keep.id();
        } catch (InputRefusedException refused) {
            Messages.addGlobalError(refused.getMessage());
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
        return null;
    }

    /** The same comparison the other way round (the other contact survives). */
    public String getSwapQuery() {
        return "survivor=" + merged.id() + "&other=" + keep.id();
    }

    public boolean isReady() {
        return keep != null && merged != null;
    }

    public boolean same(String a, String b) {
        return Objects.equals(a, b);
    }

    public UUID getSurvivor() {
        return survivor;
    }

    public void setSurvivor(UUID survivor) {
        this.survivor = survivor;
    }

    public UUID getOther() {
        return other;
    }

    public void setOther(UUID other) {
        this.other = other;
    }

    public ContactDetails getKeep() {
        return keep;
    }

    public ContactDetails getMerged() {
        return merged;
    }

    public List<FieldRow> getRows() {
        return rows;
    }

    public String getTagsAfter() {
        return tagsAfter.isEmpty() ? "none" : String.join(", ", tagsAfter);
    }
}

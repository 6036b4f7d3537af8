package io.eventos.crm.web.organizer;

import io.eventos.crm.service.ContactMergeService;
import io.eventos.crm.service.ContactService;
import io.eventos.crm.service.ContactTeam;
import io.eventos.crm.service.DuplicatePair;
import io.eventos.platform.input.InputRefusedException;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.web.Formats;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import java.io.IOException;
import java.io.Serializable;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code /app/contact-duplicates.xhtml?after=}: the account's likely duplicate pairs (the same name written alike
 * plus the same phone or company), about 25 a page in the order of the name (keyset: {@code after} is the last name
 * key shown); each opens the comparison to merge them, or is dismissed as "not a duplicate". Under the pairs, the
 * pairs dismissed most recently, each with "Restore". Both actions redirect to the page as it was (PRG).
 */
@Named
@ViewScoped
public class ContactDuplicatesPage implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final int PAGE = 25;
    /** How many dismissed pairs the page lists. */
    public static final int DISMISSED = 20;

    @Inject
    transient ContactMergeService merging;
    @Inject
    transient ContactService contacts;

    private String after;
    private List<DuplicatePair> pairs = List.of();
    private List<ContactMergeService.DismissedPair> dismissed = List.of();
    private Map<java.util.UUID, String> teamNames = Map.of();
    private String nextAfter;

    public void load() throws IOException {
        try {
            ContactMergeService.DuplicatePage page = merging.duplicates(after == null || after.isBlank() ? null
                    : after, PAGE);
            pairs = page.pairs();
            nextAfter = page.nextAfter();
            dismissed = merging.dismissed(DISMISSED);
            if (!dismissed.isEmpty()) {
                teamNames = contacts.teamMembers().stream().collect(Collectors.toMap(ContactTeam.TeamMate::userId,
                        ContactTeam.TeamMate::name));
            }
        } catch (AccessDeniedException e) {
            Faces.responseSendError(404, "Not found");
        }
    }

    /** "Not a duplicate": the pair leaves the list (and both contacts' pages) and is listed as dismissed. */
    public String dismiss(DuplicatePair pair) {
        try {
            merging.dismiss(pair.first().id(), pair.second().id());
            Faces.getFlash().setKeepMessages(true);
            Messages.addGlobalInfo(pair.first().name() + " and " + pair.second().name()
                    + " are no longer suggested as duplicates.");
            return self();
        } catch (InputRefusedException | AccessDeniedException refused) {
            Messages.addGlobalError(refused instanceof InputRefusedException r ? r.problems().get(0).message()
                    : "One of these contacts is no longer in the list; the page shows what is left.");
            return null;
        }
    }

    /** The dismissed pair is suggested again. */
    public String restore(ContactMergeService.DismissedPair pair) {
        try {
            Faces.getFlash().setKeepMessages(true);
            if (merging.restore(pair.id())) {
                Messages.addGlobalInfo(pair.first().name() + " and " + pair.second().name()
                        + " are compared again.");
            } else {
                Messages.addGlobalInfo("That pair was restored already.");
            }
            return self();
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
            return null;
        }
    }

    private String self() {
        return "/app/contact-duplicates?faces-redirect=true"
                + (after == null || after.isBlank() ? "" : "&after=" + java.net.URLEncoder.encode(after,
                java.nio.charset.StandardCharsets.UTF_8));
    }

    public String getSummary() {
        if (pairs.isEmpty()) {
            return after == null || after.isBlank() ? "No likely duplicates." : "No more likely duplicates.";
        }
        return pairs.size() == 1 ? "1 likely duplicate pair on this page." : pairs.size()
                + " likely duplicate pairs on this page.";
    }

    public String dismissedBy(ContactMergeService.DismissedPair pair) {
        String who = pair.dismissedBy() == null ? null : teamNames.get(pair.dismissedBy());
        return (who == null ? "" : who + ", ") + Formats.ISO_DAY.format(pair.dismissedAt().atZone(ZoneOffset.UTC));
    }

    public boolean isStarted() {
        return after != null && !after.isBlank();
    }

    public String getNextAfter() {
        return nextAfter;
    }

    public String getAfter() {
        return after;
    }

    public void setAfter(String after) {
        this.after = after;
    }

    public List<DuplicatePair> getPairs() {
        return pairs;
    }

    public List<ContactMergeService.DismissedPair> getDismissed() {
        return dismissed;
    }
}

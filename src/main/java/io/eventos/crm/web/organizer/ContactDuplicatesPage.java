package io.eventos.crm.web.organizer;

import io.eventos.crm.service.ContactMergeService;
import io.eventos.crm.service.DuplicatePair;
import io.eventos.platform.security.AccessDeniedException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.util.Faces;

import java.io.IOException;
import java.util.List;

/**
 * {@code /app/contact-duplicates.xhtml?after=}: the account's likely duplicate pairs (the same name written alike
 * plus the same phone or company), about 25 a page in the order of the name (keyset: {@code after} is the last name
 * key shown); each opens the comparison to merge them.
 */
@Named
@RequestScoped
public class ContactDuplicatesPage {

    public static final int PAGE = 25;

    @Inject
    ContactMergeService merging;

    private String after;
    private List<DuplicatePair> pairs = List.of();
    private String nextAfter;

    public void load() throws IOException {
        try {
            ContactMergeService.DuplicatePage page = merging.duplicates(after == null || after.isBlank() ? null
                    : after, PAGE);
            pairs = page.pairs();
            nextAfter = page.nextAfter();
        } catch (AccessDeniedException e) {
            Faces.responseSendError(404, "Not found");
        }
    }

    public String getSummary() {
        if (pairs.isEmpty()) {
            return after == null || after.isBlank() ? "No likely duplicates." : "No more likely duplicates.";
        }
        return pairs.size() == 1 ? "1 likely duplicate pair on this page." : pairs.size()
                + " likely duplicate pairs on this page.";
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
}

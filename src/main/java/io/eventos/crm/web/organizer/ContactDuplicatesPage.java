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
 * {@code /app/contact-duplicates.xhtml?first=}: the account's likely duplicate pairs (the same name written alike
 * plus the same phone or company), 25 a page, in the order of the name; each opens the comparison to merge them.
 */
@Named
@RequestScoped
public class ContactDuplicatesPage {

    public static final int PAGE = 25;

    @Inject
    ContactMergeService merging;

    private int first;
    private List<DuplicatePair> pairs = List.of();
    private long count;

    public void load() throws IOException {
        try {
            first = Math.max(0, first);
            pairs = merging.duplicates(first, PAGE);
            count = merging.countDuplicates();
        } catch (AccessDeniedException e) {
            Faces.responseSendError(404, "Not found");
        }
    }

    public String getCountText() {
        if (count == 0) {
            return "No likely duplicates.";
        }
        return (count > ContactMergeService.COUNT_LIMIT ? "More than " + ContactMergeService.COUNT_LIMIT
                : String.valueOf(count)) + (count == 1 ? " likely duplicate pair." : " likely duplicate pairs.");
    }

    public boolean isPrevious() {
        return first > 0;
    }

    public boolean isNext() {
        return first + PAGE < count;
    }

    public int getPreviousFirst() {
        return Math.max(0, first - PAGE);
    }

    public int getNextFirst() {
        return first + PAGE;
    }

    public int getFirst() {
        return first;
    }

    public void setFirst(int first) {
        this.first = first;
    }

    public List<DuplicatePair> getPairs() {
        return pairs;
    }
}

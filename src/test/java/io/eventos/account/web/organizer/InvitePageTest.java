package io.eventos.account.web.organizer;

import io.eventos.account.service.InvitationView;
import io.eventos.account.service.InvitationView.Status;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The sentences of the invitation page: who invited whom, and for each unusable link what to do. */
class InvitePageTest {

    private static InvitationView view(Status status, String inviter, String role, boolean limited) {
        return new InvitationView(status, UUID.randomUUID(), "Northwind Events", inviter, role, limited,
                "new@example.com", false, null, false, false);
    }

    @Test
    void theSummaryNamesInviterAccountAndRole() {
        assertThat(InvitePage.summaryOf(view(Status.OPEN, "Olivia Owner", "viewer", false)))
                .isEqualTo("Olivia Owner invited new@example.com to join Northwind Events as a viewer.");
        assertThat(InvitePage.summaryOf(view(Status.OPEN, null, "admin", false)))
                .isEqualTo("You were invited to join Northwind Events as an admin.");
        assertThat(InvitePage.summaryOf(view(Status.OPEN, "Olivia Owner", "member", true)))
                .endsWith("as a member, for selected events only.");
        assertThat(InvitePage.summaryOf(InvitationViewFixture.unknown())).isNull();
    }

    @Test
    void everyUnusableLinkSaysWhatToDo() {
        assertThat(InvitePage.problemOf(view(Status.OPEN, "Olivia Owner", "viewer", false))).isNull();
        assertThat(InvitePage.problemOf(view(Status.EXPIRED, "Olivia Owner", "viewer", false)))
                .isEqualTo("This invitation has expired: invitations work for 7 days. Ask Olivia Owner to send you a "
                        + "new one.");
        assertThat(InvitePage.problemOf(view(Status.USED, null, "viewer", false)))
                .contains("already used", "ask the person who invited you for a new one");
        assertThat(InvitePage.problemOf(view(Status.REVOKED, "Olivia Owner", "viewer", false)))
                .isEqualTo("This invitation was revoked. If you still need to join Northwind Events, ask Olivia Owner "
                        + "for a new one.");
        assertThat(InvitePage.problemOf(InvitationViewFixture.unknown())).startsWith("This invitation link is not valid.");
    }

    /** An unknown link as the service reports it (nothing about any account). */
    private static final class InvitationViewFixture {
        static InvitationView unknown() {
            return new InvitationView(Status.UNKNOWN, null, null, null, null, false, null, false, null, false, false);
        }
    }
}

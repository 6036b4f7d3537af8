package io.eventos.account.service;

import io.eventos.account.domain.MemberRole;
import io.eventos.platform.mail.MailMessage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The parts of invitations that need no database (the journeys are InvitationIT, the rules PermissionMatrixIT). */
class InvitationServiceTest {

    @Test
    void theMailSaysWhoInvitedToWhichAccountAsWhatAndCarriesTheLinkEscaped() {
        String link = "https://events.example.com/invite.xhtml?account=6f1c0d7e-0000-4000-8000-000000000001&token=abc";
        MailMessage mail = InvitationService.invitationMail("door@example.com", "Rock & <Roll> Events", "Olivia Owner",
                MemberRole.MEMBER, List.of("Nordic Product Summit"), link);
        assertThat(mail.to()).isEqualTo("door@example.com");
        assertThat(mail.subject()).isEqualTo("Olivia Owner invited you to Rock & <Roll> Events on EventOS");
        assertThat(mail.text()).contains("Olivia Owner invited you to join Rock & <Roll> Events on EventOS as a member, "
                + "for these events only: Nordic Product Summit.", link, "within 7 days", "works once");
        assertThat(mail.html()).contains("Rock &amp; &lt;Roll&gt; Events",
                "href=\"https://events.example.com/invite.xhtml?account=6f1c0d7e-0000-4000-8000-000000000001&amp;token=abc\"")
                .doesNotContain("<Roll>");
    }

    @Test
    void anAdminIsAnAdminAndAnUnknownInviterIsTheAccount() {
        MailMessage mail = InvitationService.invitationMail("a@example.com", "Northwind Events", null, MemberRole.ADMIN,
                List.of(), "https://x.example/invite.xhtml?account=a&token=b");
        assertThat(mail.text()).contains("A member of Northwind Events invited you to join Northwind Events on EventOS "
                + "as an admin.");
    }

    @Test
    void rolesAreReadInAnyCaseAndAnythingElseIsOneSentenceForTheRoleField() {
        assertThat(InvitationService.parseRole(" Viewer ")).isEqualTo(MemberRole.VIEWER);
        assertThatThrownBy(() -> InvitationService.parseRole("superuser"))
                .isInstanceOfSatisfying(InvitationException.class, e -> {
                    assertThat(e.field()).isEqualTo(InvitationException.Field.ROLE);
                    assertThat(e.getMessage()).isEqualTo(InvitationService.ROLE_MISSING);
                });
        assertThatThrownBy(() -> InvitationService.parseRole(null)).isInstanceOf(InvitationException.class);
    }

    @Test
    void theEventScopeIsStoredAsTheJsonArrayOfIdsThatMembershipsUse() {
        UUID a = UUID.fromString("00000000-0000-4000-8000-00000000000a");
        UUID b = UUID.fromString("00000000-0000-4000-8000-00000000000b");
        String json = InvitationService.scopeJson(new TreeSet<>(Set.of(b, a)));
        assertThat(json).isEqualTo("[\"" + a + "\",\"" + b + "\"]");
    }

    @Test
    void linksAreOnlyLookedUpWhenTheyHaveTheShapeOfAToken() {
        assertThat(InvitationAcceptance.isTokenShaped(EmailLinks.newToken())).isTrue();
        assertThat(InvitationAcceptance.isTokenShaped("<script>")).isFalse();
        assertThat(InvitationAcceptance.isTokenShaped("short")).isFalse();
        assertThat(InvitationAcceptance.isTokenShaped(null)).isFalse();
    }
}

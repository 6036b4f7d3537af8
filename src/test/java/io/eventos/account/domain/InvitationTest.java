package io.eventos.account.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An invitation is open until accepted once or revoked; its link works until it expires. */
class InvitationTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final Invitation invitation = new Invitation("ada@example.com", MemberRole.VIEWER, "a".repeat(64),
            NOW.plus(Duration.ofDays(7)));

    @Test
    void itIsAcceptedOnceAndThenNoLongerOpen() {
        UUID user = UUID.randomUUID();
        assertThat(invitation.isOpen()).isTrue();
        invitation.accept(user, NOW);
        assertThat(invitation.isOpen()).isFalse();
        assertThat(invitation.getAcceptedUserId()).isEqualTo(user);
        assertThatThrownBy(() -> invitation.accept(UUID.randomUUID(), NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> invitation.revoke(NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anExpiredLinkCannotBeAcceptedButARefreshMakesItUsableWithANewToken() {
        Instant later = NOW.plus(Duration.ofDays(7));
        assertThat(invitation.isExpiredAt(later)).isTrue();
        assertThat(invitation.isExpiredAt(later.minusSeconds(1))).isFalse();
        assertThatThrownBy(() -> invitation.accept(UUID.randomUUID(), later)).isInstanceOf(IllegalStateException.class);

        UUID admin = UUID.randomUUID();
        invitation.refresh("b".repeat(64), later.plus(Duration.ofDays(7)), MemberRole.MEMBER, "[\"x\"]", admin);
        assertThat(invitation.getTokenHash()).isEqualTo("b".repeat(64));
        assertThat(invitation.getRole()).isEqualTo(MemberRole.MEMBER);
        assertThat(invitation.getEventScopeJson()).isEqualTo("[\"x\"]");
        assertThat(invitation.getInvitedBy()).isEqualTo(admin);
        assertThat(invitation.isExpiredAt(later)).isFalse();
    }

    @Test
    void aRevokedInvitationCannotBeRefreshedOrAccepted() {
        invitation.revoke(NOW);
        assertThat(invitation.isOpen()).isFalse();
        assertThatThrownBy(() -> invitation.refresh("c".repeat(64), NOW.plusSeconds(60), MemberRole.VIEWER, null, null))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> invitation.accept(UUID.randomUUID(), NOW)).isInstanceOf(IllegalStateException.class);
    }
}

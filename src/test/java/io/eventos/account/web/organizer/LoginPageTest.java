package io.eventos.account.web.organizer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the login page may send someone after signing in: only to a path of this application. */
class LoginPageTest {

    @Test
    void nextIsFollowedOnlyToAPathOfThisApplication() {
        assertThat(LoginPage.localPathOrNull("/invite.xhtml?account=6f1c0d7e-0000-4000-8000-000000000001&token=a_b-c"))
                .isEqualTo("/invite.xhtml?account=6f1c0d7e-0000-4000-8000-000000000001&token=a_b-c");
        assertThat(LoginPage.localPathOrNull("/app/team.xhtml")).isEqualTo("/app/team.xhtml");
        assertThat(LoginPage.localPathOrNull("//evil.example/")).isNull();
        assertThat(LoginPage.localPathOrNull("/\\evil.example")).isNull();
        assertThat(LoginPage.localPathOrNull("https://evil.example/")).isNull();
        assertThat(LoginPage.localPathOrNull("/app/\r\nSet-Cookie: x=y")).isNull();
        assertThat(LoginPage.localPathOrNull("javascript:alert(1)")).isNull();
        assertThat(LoginPage.localPathOrNull("")).isNull();
        assertThat(LoginPage.localPathOrNull(null)).isNull();
        assertThat(LoginPage.localPathOrNull("/" + "a".repeat(3000))).isNull();
    }
}

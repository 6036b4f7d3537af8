package io.eventos.account.service;

import io.eventos.account.domain.User;
import io.eventos.platform.mail.MailMessage;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The parts of the reset service that need no database (the journey is PasswordResetIT). */
class PasswordResetServiceTest {

    @Test
    void tokensAre32RandomBytesInBase64UrlAndStoredAsSha256Hex() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String token = EmailLinks.newToken();
            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            tokens.add(token);
        }
        assertThat(tokens).hasSize(100);
        assertThat(EmailLinks.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void onlyIpLiteralsAreKeptAsTheRequestingAddress() {
        assertThat(PasswordResetService.ipOrNull("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(PasswordResetService.ipOrNull("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(PasswordResetService.ipOrNull("[::1]")).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(PasswordResetService.ipOrNull("fe80::1%lo0")).isEqualTo("fe80:0:0:0:0:0:0:1");
        assertThat(PasswordResetService.ipOrNull("256.1.1.1")).isNull();
        assertThat(PasswordResetService.ipOrNull("1.2.3")).isNull();
        assertThat(PasswordResetService.ipOrNull("example.com")).isNull();
        assertThat(PasswordResetService.ipOrNull("::zz")).isNull();
        assertThat(PasswordResetService.ipOrNull(null)).isNull();
    }

    @Test
    void theMailCarriesTheLinkInTextAndEscapedHtml() {
        User user = new User("ada@example.com", "Ada <Admin>");
        MailMessage mail = PasswordResetService.resetMail(user, "https://events.example.com/reset-password.xhtml?token=abc");
        assertThat(mail.to()).isEqualTo("ada@example.com");
        assertThat(mail.subject()).isEqualTo("Reset your EventOS password");
        assertThat(mail.text()).contains("https://events.example.com/reset-password.xhtml?token=abc", "one hour",
                "Hello Ada <Admin>,");
        assertThat(mail.html()).contains("href=\"https://events.example.com/reset-password.xhtml?token=abc\"",
                "Ada &lt;Admin&gt;").doesNotContain("<Admin>");
    }
}

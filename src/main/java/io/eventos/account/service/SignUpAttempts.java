package io.eventos.account.service;

import io.eventos.account.domain.User;
import io.eventos.platform.mail.TransactionalMail;
import io.eventos.platform.mail.MailMessage;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Sign-up with the address of an existing user creates nothing ({@link SignUpService#signUp}); this tells that user,
 * in a transaction of its own (sign-up runs without one), so the mail leaves after the commit like every
 * transactional email.
 */
@Stateless
public class SignUpAttempts {

    private static final Logger LOG = Logger.getLogger(SignUpAttempts.class.getName());

    @PersistenceContext(unitName = "eventos")
    EntityManager em;
    @Inject
    TransactionalMail mail;

    /** Mails the user with this email "someone tried to sign up with your address", with links to sign in and reset. */
    public void tellTheOwner(String email, String baseUrl) {
        List<User> users = em.createQuery("select u from User u where lower(u.email) = :email", User.class)
                .setParameter("email", email.strip().toLowerCase(Locale.ROOT))
                .getResultList();
        if (users.isEmpty()) {
            return;
        }
        LOG.info(() -> "Sign-up with the address of user " + users.get(0).getId() + ": nothing created, owner told.");
        mail.send("user.sign_up_attempted", someoneTriedMail(users.get(0), baseUrl));
    }

    static MailMessage someoneTriedMail(User user, String baseUrl) {
        String signIn = baseUrl + "/login.xhtml";
        String reset = baseUrl + "/forgot-password.xhtml";
        String text = """
                Hello %s,

                someone (perhaps you) tried to create a new EventOS account with your email address %s.
                You already have one, so nothing was created and nothing changed.

                Sign in: %s
                Forgot your password? Choose a new one: %s

                If it was not you, you can ignore this email.

                EventOS
                """.formatted(user.getName(), user.getEmail(), signIn, reset);
        String html = """
                <!DOCTYPE html>
                <html lang="en"><body>
                <p>Hello %s,</p>
                <p>someone (perhaps you) tried to create a new EventOS account with your email address %s.
                You already have one, so nothing was created and nothing changed.</p>
                <p><a href="%s">Sign in</a> or, if you forgot your password, <a href="%s">choose a new one</a>.</p>
                <p>If it was not you, you can ignore this email.</p>
                <p>EventOS</p>
                </body></html>
                """.formatted(EmailLinks.escapeHtml(user.getName()), EmailLinks.escapeHtml(user.getEmail()),
                EmailLinks.escapeHtml(signIn), EmailLinks.escapeHtml(reset));
        return new MailMessage(user.getEmail(), "Someone tried to sign up to EventOS with your address", text, html,
                List.of());
    }
}

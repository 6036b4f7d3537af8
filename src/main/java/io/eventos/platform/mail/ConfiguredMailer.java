package io.eventos.platform.mail;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * The application's {@link Mailer}: SMTP ({@link SmtpMailer}) when EVENTOS_SMTP_HOST is set, otherwise the
 * development outbox ({@link DevOutbox}, readable at {@code /dev/mail}). Chosen once at start-up, which also checks
 * the settings, so a wrong EVENTOS_SMTP_* value stops the deployment with one sentence instead of failing later.
 */
@ApplicationScoped
public class ConfiguredMailer implements Mailer {

    private static final Logger LOG = Logger.getLogger(ConfiguredMailer.class.getName());

    private Mailer delegate;
    private DevOutbox outbox;

    @PostConstruct
    void choose() {
        Optional<MailSettings> smtp = MailSettings.from(ConfigProvider.getConfig());
        if (smtp.isPresent()) {
            delegate = new SmtpMailer(smtp.get());
            LOG.info(() -> "Mail goes to the SMTP server " + smtp.get().server() + " (" + smtp.get().tls()
                    .name().toLowerCase() + ", from " + smtp.get().from() + ").");
        } else {
            outbox = new DevOutbox();
            delegate = outbox;
            LOG.warning("No SMTP server is configured (EVENTOS_SMTP_HOST): emails are not sent but kept in the "
                    + "development outbox at /dev/mail (for browsers on this machine only). Set EVENTOS_SMTP_HOST "
                    + "in production.");
        }
    }

    /** Chooses (and checks) at start-up rather than on the first email. */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // observing instantiates the bean, which runs choose()
    }

    @Override
    public void send(MailMessage message) {
        delegate.send(message);
    }

    /** The development outbox, present only when no SMTP server is configured. */
    public Optional<DevOutbox> devOutbox() {
        return Optional.ofNullable(outbox);
    }
}

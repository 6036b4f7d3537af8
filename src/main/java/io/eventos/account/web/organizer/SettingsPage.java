package io.eventos.account.web.organizer;

import io.eventos.account.service.AccountSettings;
import io.eventos.account.service.AccountSettingsService;
import io.eventos.account.service.SettingsException;
import io.eventos.media.service.MediaUpload;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.web.FieldMessages;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.model.file.UploadedFile;

import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeSet;

/** {@code /app/settings.xhtml}: the account's name, public slug and defaults; the owner's security rule. */
@Named
@RequestScoped
public class SettingsPage {

    /** UTC (the accounts table's default) first, so that saving other settings never changes it to the first city. */
    private static final List<String> ZONES = java.util.stream.Stream.concat(java.util.stream.Stream.of("UTC"),
            new TreeSet<>(ZoneId.getAvailableZoneIds()).stream()
                    .filter(zone -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/")))
            .toList();

    @Inject
    AccountSettingsService settings;

    private String name;
    private String slug;
    private String timeZone;
    private String currency;
    private boolean requireTwoFactor;
    private String brandColor;
    private String savedBrandColor;
    private UploadedFile logoFile;
    private String dataRetentionDays;

    @PostConstruct
    void load() {
        AccountSettings current = settings.current();
        name = current.name();
        slug = current.slug();
        timeZone = current.defaultTimeZone();
        currency = current.defaultCurrency();
        requireTwoFactor = current.requireTwoFactor();
        dataRetentionDays = current.dataRetentionDays() == null ? null : current.dataRetentionDays().toString();
        savedBrandColor = current.brandColor();
        brandColor = savedBrandColor == null ? null : savedBrandColor.toUpperCase(java.util.Locale.ROOT);
    }

    public void saveRetention() throws IOException {
        try {
            settings.changeDataRetention(dataRetentionDays);
            Messages.addFlashGlobalInfo(dataRetentionDays == null || dataRetentionDays.isBlank()
                    ? "Contacts are kept until you erase them."
                    : "Contacts without activity for " + dataRetentionDays.strip() + " days will be anonymized.");
            Faces.redirect(Faces.getRequestContextPath() + "/app/settings.xhtml");
        } catch (SettingsException refused) {
            FieldMessages.show("retention-form", refused);
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    public String getDataRetentionDays() {
        return dataRetentionDays;
    }

    public void setDataRetentionDays(String dataRetentionDays) {
        this.dataRetentionDays = dataRetentionDays;
    }

    public void save() throws IOException {
        try {
            settings.update(name, slug, timeZone, currency, brandColor);
            Messages.addFlashGlobalInfo("Settings saved.");
            Faces.redirect(Faces.getRequestContextPath() + "/app/settings.xhtml");
        } catch (SettingsException refused) {
            FieldMessages.show("settings-form", refused);
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    public void saveSecurity() throws IOException {
        try {
            settings.requireTwoFactor(requireTwoFactor);
            Messages.addFlashGlobalInfo(requireTwoFactor ? "Every member must now use two-factor authentication."
                    : "Two-factor authentication is now optional.");
            Faces.redirect(Faces.getRequestContextPath() + "/app/settings.xhtml");
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    public void uploadLogo() throws IOException {
        try {
            settings.changeLogo(logoFile == null ? null
                    : new MediaUpload(logoFile.getFileName(), logoFile.getContent()));
            Messages.addFlashGlobalInfo("Logo saved.");
            Faces.redirect(Faces.getRequestContextPath() + "/app/settings.xhtml");
        } catch (SettingsException refused) {
            FieldMessages.show("logo-form", refused);
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    public void removeLogo() throws IOException {
        try {
            settings.removeLogo();
            Messages.addFlashGlobalInfo("Logo removed.");
            Faces.redirect(Faces.getRequestContextPath() + "/app/settings.xhtml");
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    public UploadedFile getLogoFile() {
        return logoFile;
    }

    public void setLogoFile(UploadedFile logoFile) {
        this.logoFile = logoFile;
    }

    public List<String> getZones() {
        return ZONES;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getBrandColor() {
        return brandColor;
    }

    public void setBrandColor(String brandColor) {
        this.brandColor = brandColor;
    }

    /** The colour in effect (lower-case #rrggbb, checked), for the swatch next to the field; null when none. */
    public String getSavedBrandColor() {
        return savedBrandColor;
    }

    public boolean isRequireTwoFactor() {
        return requireTwoFactor;
    }

    public void setRequireTwoFactor(boolean requireTwoFactor) {
        this.requireTwoFactor = requireTwoFactor;
    }
}

package io.eventos.account.service;

import io.eventos.platform.input.InputRefusedException;
import io.eventos.account.domain.Account;
import io.eventos.media.service.MediaLibrary;
import io.eventos.media.service.MediaUpload;
import io.eventos.platform.security.Permission;
import io.eventos.platform.security.RequiresPermission;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.TenantBound;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Name, public slug, defaults and security rules of the bound account; each change is audited. */
@Stateless
@TenantBound
public class AccountSettingsService {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @Inject
    AuditLog audit;
    @Inject
    MediaLibrary media;

    @RequiresPermission(Permission.ACCOUNT_VIEW)
    public AccountSettings current() {
        Account a = account();
        return new AccountSettings(a.getName(), a.getSlug(), a.getDefaultTimeZone(), a.getDefaultCurrency(),
                a.isRequire2fa(), a.getDataRetentionDays());
    }

    /** Saves name, slug, time zone and currency; refuses bad values with one sentence naming the field. */
    @RequiresPermission(Permission.ACCOUNT_SETTINGS)
    public AccountSettings update(String name, String slug, String timeZone, String currency) {
        String cleanName = name == null ? "" : name.trim();
        if (cleanName.isEmpty() || cleanName.length() > 120) {
            throw new SettingsException("name", "Enter the organization's name (up to 120 characters).");
        }
        String cleanSlug = slug == null ? "" : slug.trim().toLowerCase(Locale.ROOT);
        if (!cleanSlug.matches("[a-z0-9]+(-[a-z0-9]+)*") || cleanSlug.length() > 63) {
            throw new SettingsException("slug", "Use lower-case letters, digits and single dashes, e.g. "
                    + "\"northwind-events\".");
        }
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException | NullPointerException e) {
            throw new SettingsException("timeZone", "Choose a time zone such as Europe/Berlin.");
        }
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new SettingsException("currency", "Choose a currency code such as EUR or USD.");
        }
        Account account = account();
        Map<String, Object> before = snapshot(account);
        if (!cleanSlug.equals(account.getSlug()) && slugTaken(cleanSlug)) {
            throw new SettingsException("slug", "Another organization already uses \"" + cleanSlug
                    + "\". Choose a different one.");
        }
        account.setName(cleanName);
        account.setSlug(cleanSlug);
        account.setDefaultTimeZone(timeZone);
        account.setDefaultCurrency(currency);
        audit.record("account.settings_changed", "account", account.getId(), before, snapshot(account));
        return current();
    }

    /** The shortest and longest retention period one can set, in days. */
    public static final int RETENTION_MIN_DAYS = 30;
    public static final int RETENTION_MAX_DAYS = 36_500;

    /**
     * How long a contact without activity is kept before it is anonymized (the CRM's retention sweep,
     * {@code crm.service.ContactRetention}), in days as typed; empty keeps contacts.
     */
    @RequiresPermission(Permission.ACCOUNT_SETTINGS)
    public void changeDataRetention(String days) {
        Integer value = null;
        String typed = days == null ? "" : days.strip();
        if (!typed.isEmpty()) {
            try {
                value = Integer.valueOf(typed);
            } catch (NumberFormatException e) {
                value = -1;
            }
            if (value < RETENTION_MIN_DAYS || value > RETENTION_MAX_DAYS) {
                throw new SettingsException("dataRetentionDays", "Enter a number of days from " + RETENTION_MIN_DAYS
                        + " to " + RETENTION_MAX_DAYS + ", or leave it empty to keep contacts.");
            }
        }
        Account account = account();
        Integer before = account.getDataRetentionDays();
        if (java.util.Objects.equals(before, value)) {
            return;
        }
        account.setDataRetentionDays(value);
        Map<String, Object> was = new LinkedHashMap<>();
        was.put("data_retention_days", before);
        Map<String, Object> now = new LinkedHashMap<>();
        now.put("data_retention_days", value);
        audit.record("account.data_retention_changed", "account", account.getId(), was, now);
    }

    /** Whether every member must use two-factor authentication: the owner's decision. */
    @RequiresPermission(Permission.ACCOUNT_SECURITY)
    public void requireTwoFactor(boolean required) {
        Account account = account();
        boolean before = account.isRequire2fa();
        account.setRequire2fa(required);
        audit.record("account.two_factor_requirement_changed", "account", account.getId(),
                Map.of("require_2fa", before), Map.of("require_2fa", required));
    }

    /**
     * Replaces the account's logo with an uploaded image (PNG, JPEG, GIF or WebP, checked by content, at most
     * 5 MB; stored in {@code media}); it shows in the organizer header and on the public pages.
     */
    @RequiresPermission(Permission.ACCOUNT_SETTINGS)
    public void changeLogo(MediaUpload upload) {
        UUID logo;
        try {
            logo = media.storeLogo(upload, "logo");
        } catch (InputRefusedException refused) {
            throw new SettingsException("logo", refused.getMessage());
        }
        Account account = account();
        UUID before = account.getLogoMediaId();
        account.setLogoMediaId(logo);
        audit.record("account.logo_changed", "account", account.getId(), logoState(before), logoState(logo));
    }

    /** Removes the account's logo (the image stays stored, unreferenced). */
    @RequiresPermission(Permission.ACCOUNT_SETTINGS)
    public void removeLogo() {
        Account account = account();
        UUID before = account.getLogoMediaId();
        if (before == null) {
            return;
        }
        account.setLogoMediaId(null);
        audit.record("account.logo_changed", "account", account.getId(), logoState(before), logoState(null));
    }

    private static Map<String, Object> logoState(UUID logo) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("logo", logo == null ? null : logo.toString());
        return state;
    }

    private boolean slugTaken(String slug) {
        return em.createNativeQuery("select account_id_by_slug(?1)").setParameter(1, slug).getSingleResult() != null;
    }

    private Account account() {
        return em.find(Account.class, CurrentTenant.require());
    }

    private static Map<String, Object> snapshot(Account a) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", a.getName());
        state.put("slug", a.getSlug());
        state.put("time_zone", a.getDefaultTimeZone());
        state.put("currency", a.getDefaultCurrency());
        return state;
    }
}

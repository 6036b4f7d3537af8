package io.eventos.account.domain;

import io.eventos.platform.persistence.LowercaseEnumConverter;
import io.eventos.platform.security.Permission;

import jakarta.persistence.AttributeConverter;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Role of a member in an account, strongest first: owner > admin > manager > member > viewer. Stored lower-case.
 * What each role may do is this one table, written down for people in docs/permissions.md (a test compares them).
 */
public enum MemberRole {
    OWNER(EnumSet.allOf(Permission.class)),
    ADMIN(EnumSet.complementOf(EnumSet.of(Permission.BILLING, Permission.ACCOUNT_SECURITY,
            Permission.OWNERSHIP_TRANSFER))),
    MANAGER(EnumSet.of(Permission.EVENTS_MANAGE, Permission.TICKETS_MANAGE, Permission.ORDERS_MANAGE,
            Permission.ORDERS_REFUND, Permission.CONTACTS_VIEW, Permission.CONTACTS_MANAGE,
            Permission.CONTACTS_MANAGE_ALL, Permission.CAMPAIGNS_MANAGE,
            Permission.DATA_EXPORT, Permission.CHECK_IN, Permission.VIEW, Permission.ACCOUNT_VIEW)),
    MEMBER(EnumSet.of(Permission.CONTACTS_VIEW, Permission.CONTACTS_MANAGE, Permission.CHECK_IN, Permission.VIEW,
            Permission.ACCOUNT_VIEW)),
    VIEWER(EnumSet.of(Permission.CONTACTS_VIEW, Permission.VIEW, Permission.ACCOUNT_VIEW));

    private final Set<Permission> permissions;

    MemberRole(Set<Permission> permissions) {
        this.permissions = Collections.unmodifiableSet(permissions);
    }

    public boolean grants(Permission permission) {
        return permissions.contains(permission);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    /** True if this role is at least as strong as {@code other}. */
    public boolean atLeast(MemberRole other) {
        return ordinal() <= other.ordinal();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Applied to every MemberRole attribute. It implements {@link AttributeConverter} directly and delegates to
     * {@link LowercaseEnumConverter}: EclipseLink 4.0 reads an auto-applied converter's attribute type from the
     * converter class's own generic signature only, so a subclass of the generic base class is never auto-applied
     * (the enum would silently be stored as its ordinal).
     */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter implements AttributeConverter<MemberRole, String> {
        private static final LowercaseEnumConverter<MemberRole> LOWERCASE = new LowercaseEnumConverter<>(MemberRole.class);

        @Override
        public String convertToDatabaseColumn(MemberRole value) {
            return LOWERCASE.convertToDatabaseColumn(value);
        }

        @Override
        public MemberRole convertToEntityAttribute(String column) {
            return LOWERCASE.convertToEntityAttribute(column);
        }
    }
}

package io.eventos.account.domain;

import io.eventos.platform.persistence.LowercaseEnumConverter;

import jakarta.persistence.AttributeConverter;

/** Role of a member in an account, strongest first: owner > admin > manager > member > viewer. Stored lower-case. */
public enum MemberRole {
    OWNER,
    ADMIN,
    MANAGER,
    MEMBER,
    VIEWER;

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

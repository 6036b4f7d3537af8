package io.eventos.account.domain;

import io.eventos.platform.persistence.LowercaseEnumConverter;

import jakarta.persistence.AttributeConverter;

/** Whether a user may log in at all. Stored lower-case. */
public enum UserStatus {
    ACTIVE,
    DISABLED;

    /**
     * Applied to every UserStatus attribute. It implements {@link AttributeConverter} directly and delegates to
     * {@link LowercaseEnumConverter}: EclipseLink 4.0 reads an auto-applied converter's attribute type from the
     * converter class's own generic signature only, so a subclass of the generic base class is never auto-applied
     * (the enum would silently be stored as its ordinal).
     */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter implements AttributeConverter<UserStatus, String> {
        private static final LowercaseEnumConverter<UserStatus> LOWERCASE = new LowercaseEnumConverter<>(UserStatus.class);

        @Override
        public String convertToDatabaseColumn(UserStatus value) {
            return LOWERCASE.convertToDatabaseColumn(value);
        }

        @Override
        public UserStatus convertToEntityAttribute(String column) {
            return LOWERCASE.convertToEntityAttribute(column);
        }
    }
}

package io.eventos.account.domain;

import io.eventos.platform.persistence.LowercaseEnumConverter;

import jakarta.persistence.AttributeConverter;

/** State of an account (tenant): only active accounts serve public pages and logins. Stored lower-case. */
public enum AccountStatus {
    ACTIVE,
    SUSPENDED,
    CLOSED;

    /**
     * Applied to every AccountStatus attribute. It implements {@link AttributeConverter} directly and delegates to
     * {@link LowercaseEnumConverter}: EclipseLink 4.0 reads an auto-applied converter's attribute type from the
     * converter class's own generic signature only, so a subclass of the generic base class is never auto-applied
     * (the enum would silently be stored as its ordinal).
     */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter implements AttributeConverter<AccountStatus, String> {
        private static final LowercaseEnumConverter<AccountStatus> LOWERCASE = new LowercaseEnumConverter<>(AccountStatus.class);

        @Override
        public String convertToDatabaseColumn(AccountStatus value) {
            return LOWERCASE.convertToDatabaseColumn(value);
        }

        @Override
        public AccountStatus convertToEntityAttribute(String column) {
            return LOWERCASE.convertToEntityAttribute(column);
        }
    }
}

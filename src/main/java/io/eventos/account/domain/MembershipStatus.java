package io.eventos.account.domain;

import io.eventos.platform.persistence.LowercaseEnumConverter;

import jakarta.persistence.AttributeConverter;

/** Whether a membership currently grants access to the account. Stored lower-case. */
public enum MembershipStatus {
    ACTIVE,
    SUSPENDED;

    /**
     * Applied to every MembershipStatus attribute. It implements {@link AttributeConverter} directly and delegates to
     * {@link LowercaseEnumConverter}: EclipseLink 4.0 reads an auto-applied converter's attribute type from the
     * converter class's own generic signature only, so a subclass of the generic base class is never auto-applied
     * (the enum would silently be stored as its ordinal).
     */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter implements AttributeConverter<MembershipStatus, String> {
        private static final LowercaseEnumConverter<MembershipStatus> LOWERCASE = new LowercaseEnumConverter<>(MembershipStatus.class);

        @Override
        public String convertToDatabaseColumn(MembershipStatus value) {
            return LOWERCASE.convertToDatabaseColumn(value);
        }

        @Override
        public MembershipStatus convertToEntityAttribute(String column) {
            return LOWERCASE.convertToEntityAttribute(column);
        }
    }
}

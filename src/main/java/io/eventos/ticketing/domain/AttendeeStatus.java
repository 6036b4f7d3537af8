package io.eventos.ticketing.domain;

import io.eventos.platform.persistence.LowercaseEnumConverter;

import jakarta.persistence.AttributeConverter;

/** Only valid tickets are admitted at check-in. Stored lower-case. */
public enum AttendeeStatus {
    VALID,
    CANCELLED,
    REFUNDED;

    /**
     * Applied to every AttendeeStatus attribute. It implements {@link AttributeConverter} directly and delegates to
     * {@link LowercaseEnumConverter}: EclipseLink 4.0 reads an auto-applied converter's attribute type from the
     * converter class's own generic signature only, so a subclass of the generic base class is never auto-applied
     * (the enum would silently be stored as its ordinal).
     */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter implements AttributeConverter<AttendeeStatus, String> {
        private static final LowercaseEnumConverter<AttendeeStatus> LOWERCASE = new LowercaseEnumConverter<>(AttendeeStatus.class);

        @Override
        public String convertToDatabaseColumn(AttendeeStatus value) {
            return LOWERCASE.convertToDatabaseColumn(value);
        }

        @Override
        public AttendeeStatus convertToEntityAttribute(String column) {
            return LOWERCASE.convertToEntityAttribute(column);
        }
    }
}

package io.eventos.checkin.domain;

import io.eventos.platform.persistence.LowercaseEnumConverter;

import jakarta.persistence.AttributeConverter;

/** An entry or an exit through a gate. Stored lower-case. */
public enum CheckInDirection {
    IN,
    OUT;

    /**
     * Applied to every CheckInDirection attribute. It implements {@link AttributeConverter} directly and delegates to
     * {@link LowercaseEnumConverter}: EclipseLink 4.0 reads an auto-applied converter's attribute type from the
     * converter class's own generic signature only, so a subclass of the generic base class is never auto-applied
     * (the enum would silently be stored as its ordinal).
     */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter implements AttributeConverter<CheckInDirection, String> {
        private static final LowercaseEnumConverter<CheckInDirection> LOWERCASE = new LowercaseEnumConverter<>(CheckInDirection.class);

        @Override
        public String convertToDatabaseColumn(CheckInDirection value) {
            return LOWERCASE.convertToDatabaseColumn(value);
        }

        @Override
        public CheckInDirection convertToEntityAttribute(String column) {
            return LOWERCASE.convertToEntityAttribute(column);
        }
    }
}

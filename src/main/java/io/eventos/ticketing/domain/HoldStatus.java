package io.eventos.ticketing.domain;

import io.eventos.platform.persistence.LowercaseEnumConverter;

import jakarta.persistence.AttributeConverter;

/** A hold counts against capacity while active and not expired. Stored lower-case. */
public enum HoldStatus {
    ACTIVE,
    CONVERTED,
    RELEASED;

    /**
     * Applied to every HoldStatus attribute. It implements {@link AttributeConverter} directly and delegates to
     * {@link LowercaseEnumConverter}: EclipseLink 4.0 reads an auto-applied converter's attribute type from the
     * converter class's own generic signature only, so a subclass of the generic base class is never auto-applied
     * (the enum would silently be stored as its ordinal).
     */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter implements AttributeConverter<HoldStatus, String> {
        private static final LowercaseEnumConverter<HoldStatus> LOWERCASE = new LowercaseEnumConverter<>(HoldStatus.class);

        @Override
        public String convertToDatabaseColumn(HoldStatus value) {
            return LOWERCASE.convertToDatabaseColumn(value);
        }

        @Override
        public HoldStatus convertToEntityAttribute(String column) {
            return LOWERCASE.convertToEntityAttribute(column);
        }
    }
}

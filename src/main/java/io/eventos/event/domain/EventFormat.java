package io.eventos.event.domain;

import io.eventos.platform.persistence.LowercaseEnumConverter;

import jakarta.persistence.AttributeConverter;

/** Where an event takes place. Stored lower-case. */
public enum EventFormat {
    IN_PERSON,
    ONLINE,
    HYBRID;

    /**
     * Applied to every EventFormat attribute. It implements {@link AttributeConverter} directly and delegates to
     * {@link LowercaseEnumConverter}: EclipseLink 4.0 reads an auto-applied converter's attribute type from the
     * converter class's own generic signature only, so a subclass of the generic base class is never auto-applied
     * (the enum would silently be stored as its ordinal).
     */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter implements AttributeConverter<EventFormat, String> {
        private static final LowercaseEnumConverter<EventFormat> LOWERCASE = new LowercaseEnumConverter<>(EventFormat.class);

        @Override
        public String convertToDatabaseColumn(EventFormat value) {
            return LOWERCASE.convertToDatabaseColumn(value);
        }

        @Override
        public EventFormat convertToEntityAttribute(String column) {
            return LOWERCASE.convertToEntityAttribute(column);
        }
    }
}

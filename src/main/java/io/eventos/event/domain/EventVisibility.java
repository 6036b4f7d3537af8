package io.eventos.event.domain;

import io.eventos.platform.persistence.LowercaseEnumConverter;

import jakarta.persistence.AttributeConverter;

/** Who can find an event: public (listed), unlisted (link only), private (organizers only). Stored lower-case. */
public enum EventVisibility {
    PUBLIC,
    UNLISTED,
    PRIVATE;

    /**
     * Applied to every EventVisibility attribute. It implements {@link AttributeConverter} directly and delegates to
     * {@link LowercaseEnumConverter}: EclipseLink 4.0 reads an auto-applied converter's attribute type from the
     * converter class's own generic signature only, so a subclass of the generic base class is never auto-applied
     * (the enum would silently be stored as its ordinal).
     */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter implements AttributeConverter<EventVisibility, String> {
        private static final LowercaseEnumConverter<EventVisibility> LOWERCASE = new LowercaseEnumConverter<>(EventVisibility.class);

        @Override
        public String convertToDatabaseColumn(EventVisibility value) {
            return LOWERCASE.convertToDatabaseColumn(value);
        }

        @Override
        public EventVisibility convertToEntityAttribute(String column) {
            return LOWERCASE.convertToEntityAttribute(column);
        }
    }
}

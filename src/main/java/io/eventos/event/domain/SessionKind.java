package io.eventos.event.domain;

import io.eventos.platform.persistence.LowercaseEnumConverter;

import jakarta.persistence.AttributeConverter;

/** Kind of an agenda item. Stored lower-case. */
public enum SessionKind {
    TALK,
    WORKSHOP,
    KEYNOTE,
    BREAK,
    OTHER;

    /**
     * Applied to every SessionKind attribute. It implements {@link AttributeConverter} directly and delegates to
     * {@link LowercaseEnumConverter}: EclipseLink 4.0 reads an auto-applied converter's attribute type from the
     * converter class's own generic signature only, so a subclass of the generic base class is never auto-applied
     * (the enum would silently be stored as its ordinal).
     */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter implements AttributeConverter<SessionKind, String> {
        private static final LowercaseEnumConverter<SessionKind> LOWERCASE = new LowercaseEnumConverter<>(SessionKind.class);

        @Override
        public String convertToDatabaseColumn(SessionKind value) {
            return LOWERCASE.convertToDatabaseColumn(value);
        }

        @Override
        public SessionKind convertToEntityAttribute(String column) {
            return LOWERCASE.convertToEntityAttribute(column);
        }
    }
}

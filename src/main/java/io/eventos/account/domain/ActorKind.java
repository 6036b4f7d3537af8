package io.eventos.account.domain;

import io.eventos.platform.persistence.LowercaseEnumConverter;

import jakarta.persistence.AttributeConverter;

/** Who performed an audited action. Stored lower-case. */
public enum ActorKind {
    USER,
    ATTENDEE,
    SYSTEM,
    API;

    /**
     * Applied to every ActorKind attribute. It implements {@link AttributeConverter} directly and delegates to
     * {@link LowercaseEnumConverter}: EclipseLink 4.0 reads an auto-applied converter's attribute type from the
     * converter class's own generic signature only, so a subclass of the generic base class is never auto-applied
     * (the enum would silently be stored as its ordinal).
     */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter implements AttributeConverter<ActorKind, String> {
        private static final LowercaseEnumConverter<ActorKind> LOWERCASE = new LowercaseEnumConverter<>(ActorKind.class);

        @Override
        public String convertToDatabaseColumn(ActorKind value) {
            return LOWERCASE.convertToDatabaseColumn(value);
        }

        @Override
        public ActorKind convertToEntityAttribute(String column) {
            return LOWERCASE.convertToEntityAttribute(column);
        }
    }
}

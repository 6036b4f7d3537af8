package io.eventos.integration.domain;

import io.eventos.platform.persistence.LowercaseEnumConverter;

import jakarta.persistence.AttributeConverter;

/** An API key for the REST API, an outgoing webhook, or credentials for a third-party service. Stored lower-case. */
public enum IntegrationKind {
    API_KEY,
    WEBHOOK,
    SERVICE;

    /**
     * Applied to every IntegrationKind attribute. It implements {@link AttributeConverter} directly and delegates to
     * {@link LowercaseEnumConverter}: EclipseLink 4.0 reads an auto-applied converter's attribute type from the
     * converter class's own generic signature only, so a subclass of the generic base class is never auto-applied
     * (the enum would silently be stored as its ordinal).
     */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter implements AttributeConverter<IntegrationKind, String> {
        private static final LowercaseEnumConverter<IntegrationKind> LOWERCASE = new LowercaseEnumConverter<>(IntegrationKind.class);

        @Override
        public String convertToDatabaseColumn(IntegrationKind value) {
            return LOWERCASE.convertToDatabaseColumn(value);
        }

        @Override
        public IntegrationKind convertToEntityAttribute(String column) {
            return LOWERCASE.convertToEntityAttribute(column);
        }
    }
}

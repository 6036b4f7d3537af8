package io.eventos.integration.domain;

import io.eventos.platform.persistence.LowercaseEnumConverter;

import jakarta.persistence.AttributeConverter;

/** Disabled integrations are kept but not used. Stored lower-case. */
public enum IntegrationStatus {
    ACTIVE,
    DISABLED;

    /**
     * Applied to every IntegrationStatus attribute. It implements {@link AttributeConverter} directly and delegates to
     * {@link LowercaseEnumConverter}: EclipseLink 4.0 reads an auto-applied converter's attribute type from the
     * converter class's own generic signature only, so a subclass of the generic base class is never auto-applied
     * (the enum would silently be stored as its ordinal).
     */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter implements AttributeConverter<IntegrationStatus, String> {
        private static final LowercaseEnumConverter<IntegrationStatus> LOWERCASE = new LowercaseEnumConverter<>(IntegrationStatus.class);

        @Override
        public String convertToDatabaseColumn(IntegrationStatus value) {
            return LOWERCASE.convertToDatabaseColumn(value);
        }

        @Override
        public IntegrationStatus convertToEntityAttribute(String column) {
            return LOWERCASE.convertToEntityAttribute(column);
        }
    }
}

package io.eventos.event.domain;

import io.eventos.platform.persistence.LowercaseEnumConverter;

import jakarta.persistence.AttributeConverter;

/** Archived venues stay attached to past events but are not offered for new ones. Stored lower-case. */
public enum VenueStatus {
    ACTIVE,
    ARCHIVED;

    /**
     * Applied to every VenueStatus attribute. It implements {@link AttributeConverter} directly and delegates to
     * {@link LowercaseEnumConverter}: EclipseLink 4.0 reads an auto-applied converter's attribute type from the
     * converter class's own generic signature only, so a subclass of the generic base class is never auto-applied
     * (the enum would silently be stored as its ordinal).
     */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter implements AttributeConverter<VenueStatus, String> {
        private static final LowercaseEnumConverter<VenueStatus> LOWERCASE = new LowercaseEnumConverter<>(VenueStatus.class);

        @Override
        public String convertToDatabaseColumn(VenueStatus value) {
            return LOWERCASE.convertToDatabaseColumn(value);
        }

        @Override
        public VenueStatus convertToEntityAttribute(String column) {
            return LOWERCASE.convertToEntityAttribute(column);
        }
    }
}

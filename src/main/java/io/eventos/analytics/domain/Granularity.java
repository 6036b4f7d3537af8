package io.eventos.analytics.domain;

import io.eventos.platform.persistence.LowercaseEnumConverter;

import jakarta.persistence.AttributeConverter;

/** A single tracked fact, or an hourly/daily rollup of facts. Stored lower-case. */
public enum Granularity {
    FACT,
    HOUR,
    DAY;

    /**
     * Applied to every Granularity attribute. It implements {@link AttributeConverter} directly and delegates to
     * {@link LowercaseEnumConverter}: EclipseLink 4.0 reads an auto-applied converter's attribute type from the
     * converter class's own generic signature only, so a subclass of the generic base class is never auto-applied
     * (the enum would silently be stored as its ordinal).
     */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter implements AttributeConverter<Granularity, String> {
        private static final LowercaseEnumConverter<Granularity> LOWERCASE = new LowercaseEnumConverter<>(Granularity.class);

        @Override
        public String convertToDatabaseColumn(Granularity value) {
            return LOWERCASE.convertToDatabaseColumn(value);
        }

        @Override
        public Granularity convertToEntityAttribute(String column) {
            return LOWERCASE.convertToEntityAttribute(column);
        }
    }
}

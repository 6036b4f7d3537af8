package io.eventos.ticketing.domain;

import io.eventos.platform.persistence.LowercaseEnumConverter;

import jakarta.persistence.AttributeConverter;

/** What a promo code does: a percentage off, a fixed amount off, or unlocking hidden ticket types. Stored lower-case. */
public enum PromoCodeKind {
    PERCENT,
    FIXED,
    UNLOCK;

    /**
     * Applied to every PromoCodeKind attribute. It implements {@link AttributeConverter} directly and delegates to
     * {@link LowercaseEnumConverter}: EclipseLink 4.0 reads an auto-applied converter's attribute type from the
     * converter class's own generic signature only, so a subclass of the generic base class is never auto-applied
     * (the enum would silently be stored as its ordinal).
     */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter implements AttributeConverter<PromoCodeKind, String> {
        private static final LowercaseEnumConverter<PromoCodeKind> LOWERCASE = new LowercaseEnumConverter<>(PromoCodeKind.class);

        @Override
        public String convertToDatabaseColumn(PromoCodeKind value) {
            return LOWERCASE.convertToDatabaseColumn(value);
        }

        @Override
        public PromoCodeKind convertToEntityAttribute(String column) {
            return LOWERCASE.convertToEntityAttribute(column);
        }
    }
}

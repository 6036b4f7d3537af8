package io.eventos.ticketing.domain;

import io.eventos.platform.persistence.LowercaseEnumConverter;

import jakarta.persistence.AttributeConverter;

/** Money in (charge) or out (refund). Stored lower-case. */
public enum PaymentKind {
    CHARGE,
    REFUND;

    /**
     * Applied to every PaymentKind attribute. It implements {@link AttributeConverter} directly and delegates to
     * {@link LowercaseEnumConverter}: EclipseLink 4.0 reads an auto-applied converter's attribute type from the
     * converter class's own generic signature only, so a subclass of the generic base class is never auto-applied
     * (the enum would silently be stored as its ordinal).
     */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter implements AttributeConverter<PaymentKind, String> {
        private static final LowercaseEnumConverter<PaymentKind> LOWERCASE = new LowercaseEnumConverter<>(PaymentKind.class);

        @Override
        public String convertToDatabaseColumn(PaymentKind value) {
            return LOWERCASE.convertToDatabaseColumn(value);
        }

        @Override
        public PaymentKind convertToEntityAttribute(String column) {
            return LOWERCASE.convertToEntityAttribute(column);
        }
    }
}

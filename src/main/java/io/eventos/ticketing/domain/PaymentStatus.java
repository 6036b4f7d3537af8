package io.eventos.ticketing.domain;

import io.eventos.platform.persistence.LowercaseEnumConverter;

import jakarta.persistence.AttributeConverter;

/** Outcome of a payment attempt at the provider. Stored lower-case. */
public enum PaymentStatus {
    PENDING,
    SUCCEEDED,
    FAILED;

    /**
     * Applied to every PaymentStatus attribute. It implements {@link AttributeConverter} directly and delegates to
     * {@link LowercaseEnumConverter}: EclipseLink 4.0 reads an auto-applied converter's attribute type from the
     * converter class's own generic signature only, so a subclass of the generic base class is never auto-applied
     * (the enum would silently be stored as its ordinal).
     */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter implements AttributeConverter<PaymentStatus, String> {
        private static final LowercaseEnumConverter<PaymentStatus> LOWERCASE = new LowercaseEnumConverter<>(PaymentStatus.class);

        @Override
        public String convertToDatabaseColumn(PaymentStatus value) {
            return LOWERCASE.convertToDatabaseColumn(value);
        }

        @Override
        public PaymentStatus convertToEntityAttribute(String column) {
            return LOWERCASE.convertToEntityAttribute(column);
        }
    }
}

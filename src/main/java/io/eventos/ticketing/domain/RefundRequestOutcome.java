package io.eventos.ticketing.domain;

import io.eventos.platform.persistence.LowercaseEnumConverter;

import jakarta.persistence.AttributeConverter;

/** The organizer's answer to a buyer's refund request ({@code orders.refund_request_outcome}). Stored lower-case. */
public enum RefundRequestOutcome {
    /** Refunded in full (by approving, or by refunding every ticket while the request was open). */
    APPROVED,
    /** Not refunded; the organizer's sentence was mailed to the buyer. */
    DECLINED;

    /**
     * Applied to every RefundRequestOutcome attribute. It implements {@link AttributeConverter} directly and delegates to
     * {@link LowercaseEnumConverter}: EclipseLink 4.0 reads an auto-applied converter's attribute type from the
     * converter class's own generic signature only, so a subclass of the generic base class is never auto-applied
     * (the enum would silently be stored as its ordinal).
     */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter implements AttributeConverter<RefundRequestOutcome, String> {
        private static final LowercaseEnumConverter<RefundRequestOutcome> LOWERCASE = new LowercaseEnumConverter<>(RefundRequestOutcome.class);

        @Override
        public String convertToDatabaseColumn(RefundRequestOutcome value) {
            return LOWERCASE.convertToDatabaseColumn(value);
        }

        @Override
        public RefundRequestOutcome convertToEntityAttribute(String column) {
            return LOWERCASE.convertToEntityAttribute(column);
        }
    }
}

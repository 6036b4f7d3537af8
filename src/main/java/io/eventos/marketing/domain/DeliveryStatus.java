package io.eventos.marketing.domain;

import io.eventos.platform.persistence.LowercaseEnumConverter;

import jakarta.persistence.AttributeConverter;

/** State of one campaign e-mail to one recipient. Stored lower-case. */
public enum DeliveryStatus {
    QUEUED,
    SENT,
    FAILED,
    BOUNCED;

    /**
     * Applied to every DeliveryStatus attribute. It implements {@link AttributeConverter} directly and delegates to
     * {@link LowercaseEnumConverter}: EclipseLink 4.0 reads an auto-applied converter's attribute type from the
     * converter class's own generic signature only, so a subclass of the generic base class is never auto-applied
     * (the enum would silently be stored as its ordinal).
     */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter implements AttributeConverter<DeliveryStatus, String> {
        private static final LowercaseEnumConverter<DeliveryStatus> LOWERCASE = new LowercaseEnumConverter<>(DeliveryStatus.class);

        @Override
        public String convertToDatabaseColumn(DeliveryStatus value) {
            return LOWERCASE.convertToDatabaseColumn(value);
        }

        @Override
        public DeliveryStatus convertToEntityAttribute(String column) {
            return LOWERCASE.convertToEntityAttribute(column);
        }
    }
}

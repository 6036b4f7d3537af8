package io.eventos.ticketing.domain;

import io.eventos.platform.persistence.LowercaseEnumConverter;

import jakarta.persistence.AttributeConverter;

/** Life cycle of an order; pending orders hold capacity until their payment deadline. Stored lower-case. */
public enum OrderStatus {
    PENDING,
    PAID,
    CANCELLED,
    EXPIRED;

    /**
     * Applied to every OrderStatus attribute. It implements {@link AttributeConverter} directly and delegates to
     * {@link LowercaseEnumConverter}: EclipseLink 4.0 reads an auto-applied converter's attribute type from the
     * converter class's own generic signature only, so a subclass of the generic base class is never auto-applied
     * (the enum would silently be stored as its ordinal).
     */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter implements AttributeConverter<OrderStatus, String> {
        private static final LowercaseEnumConverter<OrderStatus> LOWERCASE = new LowercaseEnumConverter<>(OrderStatus.class);

        @Override
        public String convertToDatabaseColumn(OrderStatus value) {
            return LOWERCASE.convertToDatabaseColumn(value);
        }

        @Override
        public OrderStatus convertToEntityAttribute(String column) {
            return LOWERCASE.convertToEntityAttribute(column);
        }
    }
}

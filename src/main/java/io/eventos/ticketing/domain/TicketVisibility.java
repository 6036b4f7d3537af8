package io.eventos.ticketing.domain;

import io.eventos.platform.persistence.LowercaseEnumConverter;

import jakarta.persistence.AttributeConverter;

/** Hidden ticket types are sold only when a promo code unlocks them. Stored lower-case. */
public enum TicketVisibility {
    VISIBLE,
    HIDDEN;

    /**
     * Applied to every TicketVisibility attribute. It implements {@link AttributeConverter} directly and delegates to
     * {@link LowercaseEnumConverter}: EclipseLink 4.0 reads an auto-applied converter's attribute type from the
     * converter class's own generic signature only, so a subclass of the generic base class is never auto-applied
     * (the enum would silently be stored as its ordinal).
     */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter implements AttributeConverter<TicketVisibility, String> {
        private static final LowercaseEnumConverter<TicketVisibility> LOWERCASE = new LowercaseEnumConverter<>(TicketVisibility.class);

        @Override
        public String convertToDatabaseColumn(TicketVisibility value) {
            return LOWERCASE.convertToDatabaseColumn(value);
        }

        @Override
        public TicketVisibility convertToEntityAttribute(String column) {
            return LOWERCASE.convertToEntityAttribute(column);
        }
    }
}

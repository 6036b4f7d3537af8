package io.eventos.event.domain;

import io.eventos.platform.persistence.LowercaseEnumConverter;

import jakarta.persistence.AttributeConverter;

/** Life cycle of an event. Stored lower-case. */
public enum EventStatus {
    DRAFT,
    PUBLISHED,
    COMPLETED,
    CANCELLED;

    /**
     * The moves an event's life cycle allows: a draft is published or cancelled, a published event is cancelled or,
     * once over, completed; completed and cancelled are final.
     */
    public boolean canBecome(EventStatus next) {
        return switch (this) {
            case DRAFT -> next == PUBLISHED || next == CANCELLED;
            case PUBLISHED -> next == CANCELLED || next == COMPLETED;
            case COMPLETED, CANCELLED -> false;
        };
    }

    /**
     * Applied to every EventStatus attribute. It implements {@link AttributeConverter} directly and delegates to
     * {@link LowercaseEnumConverter}: EclipseLink 4.0 reads an auto-applied converter's attribute type from the
     * converter class's own generic signature only, so a subclass of the generic base class is never auto-applied
     * (the enum would silently be stored as its ordinal).
     */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter implements AttributeConverter<EventStatus, String> {
        private static final LowercaseEnumConverter<EventStatus> LOWERCASE = new LowercaseEnumConverter<>(EventStatus.class);

        @Override
        public String convertToDatabaseColumn(EventStatus value) {
            return LOWERCASE.convertToDatabaseColumn(value);
        }

        @Override
        public EventStatus convertToEntityAttribute(String column) {
            return LOWERCASE.convertToEntityAttribute(column);
        }
    }
}

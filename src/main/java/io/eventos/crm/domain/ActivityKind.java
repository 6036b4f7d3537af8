package io.eventos.crm.domain;

import io.eventos.platform.persistence.LowercaseEnumConverter;

import jakarta.persistence.AttributeConverter;

/** What happened on a contact's timeline. Stored lower-case. */
public enum ActivityKind {
    ORDER_PLACED,
    ORDER_PAID,
    ORDER_CANCELLED,
    TICKET_CHECKED_IN,
    EMAIL_SENT,
    EMAIL_OPENED,
    EMAIL_CLICKED,
    UNSUBSCRIBED,
    NOTE,
    CALL,
    MEETING,
    TASK,
    OTHER,
    /** Created or updated by a CSV import (ContactImportService). */
    IMPORTED;

    /**
     * Applied to every ActivityKind attribute. It implements {@link AttributeConverter} directly and delegates to
     * {@link LowercaseEnumConverter}: EclipseLink 4.0 reads an auto-applied converter's attribute type from the
     * converter class's own generic signature only, so a subclass of the generic base class is never auto-applied
     * (the enum would silently be stored as its ordinal).
     */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter implements AttributeConverter<ActivityKind, String> {
        private static final LowercaseEnumConverter<ActivityKind> LOWERCASE = new LowercaseEnumConverter<>(ActivityKind.class);

        @Override
        public String convertToDatabaseColumn(ActivityKind value) {
            return LOWERCASE.convertToDatabaseColumn(value);
        }

        @Override
        public ActivityKind convertToEntityAttribute(String column) {
            return LOWERCASE.convertToEntityAttribute(column);
        }
    }
}

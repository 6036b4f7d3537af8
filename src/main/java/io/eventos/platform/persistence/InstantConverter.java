package io.eventos.platform.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Maps {@link Instant} to {@code timestamptz}. EclipseLink 4.0 (the one inside Payara 6) does not treat
 * {@code Instant} as a basic type: without this converter it serializes the object and PostgreSQL rejects the
 * {@code bytea} ("column created_at is of type timestamp with time zone but expression is of type bytea").
 * {@link Timestamp#from}/{@link Timestamp#toInstant} keep the exact instant whatever the JVM time zone.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, Timestamp> {

    @Override
    public Timestamp convertToDatabaseColumn(Instant value) {
        return value == null ? null : Timestamp.from(value);
    }

    @Override
    public Instant convertToEntityAttribute(Timestamp column) {
        return column == null ? null : column.toInstant();
    }
}

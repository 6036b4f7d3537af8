package io.eventos.platform.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.UUID;

/**
 * Passes {@link UUID} values through unchanged. It exists because EclipseLink 4.0.7's built-in UUID converter throws
 * a NullPointerException when it reads a NULL {@code uuid} column (eclipse-ee4j/eclipselink#2768, fixed upstream
 * after the version Payara 6 ships); an auto-applied converter replaces it for every non-id UUID attribute.
 */
@Converter(autoApply = true)
public class UuidConverter implements AttributeConverter<UUID, UUID> {

    @Override
    public UUID convertToDatabaseColumn(UUID value) {
        return value;
    }

    @Override
    public UUID convertToEntityAttribute(UUID column) {
        return column;
    }
}

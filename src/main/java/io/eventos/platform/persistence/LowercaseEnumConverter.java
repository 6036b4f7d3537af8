package io.eventos.platform.persistence;

import jakarta.persistence.AttributeConverter;

import java.util.Locale;

/**
 * Stores a Java enum as its lower-case name ({@code PUBLISHED} as {@code 'published'}), the spelling the CHECK
 * constraints in the migrations use. Each enum declares a tiny {@code @Converter(autoApply = true)} subclass.
 */
public abstract class LowercaseEnumConverter<E extends Enum<E>> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected LowercaseEnumConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public E convertToEntityAttribute(String column) {
        return column == null ? null : Enum.valueOf(type, column.toUpperCase(Locale.ROOT));
    }
}

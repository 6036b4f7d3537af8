package io.eventos.platform.persistence;

import java.util.Locale;

/**
 * Stores a Java enum as its lower-case name ({@code PUBLISHED} as {@code 'published'}), the spelling the CHECK
 * constraints in the migrations use. Each enum has a nested {@code @Converter(autoApply = true)} class that
 * implements {@code AttributeConverter<ThatEnum, String>} itself and delegates here: EclipseLink 4.0 reads an
 * auto-applied converter's types from the converter class's own signature only, so a generic base class would
 * silently store the ordinal instead.
 */
public final class LowercaseEnumConverter<E extends Enum<E>> {

    private final Class<E> type;

    public LowercaseEnumConverter(Class<E> type) {
        this.type = type;
    }

    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    public E convertToEntityAttribute(String column) {
        return column == null ? null : Enum.valueOf(type, column.toUpperCase(Locale.ROOT));
    }
}

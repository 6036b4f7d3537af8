package io.eventos.platform.web;

import jakarta.faces.convert.ConverterException;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UuidConverterTest {

    private static final UUID ID = UUID.fromString("0b6f3c1e-5a7d-4d2b-9a51-3f0e2c4b8d17");

    @Test
    void anIdIsReadWithSpacesAroundAndBlankIsNoId() {
        UuidConverter converter = new UuidConverter();
        assertThat(converter.getAsObject(null, null, " " + ID + "\n")).isEqualTo(ID);
        assertThat(converter.getAsObject(null, null, "")).isNull();
        assertThat(converter.getAsObject(null, null, null)).isNull();
        assertThat(converter.getAsString(null, null, ID)).isEqualTo(ID.toString());
        assertThat(converter.getAsString(null, null, null)).isEmpty();
    }

    /** A malformed id fails conversion (the view parameter's o:viewParamValidationFailed answers 404), never a 500. */
    @Test
    void aMalformedIdFailsConversion() {
        UuidConverter converter = new UuidConverter();
        for (String typed : new String[] {"not-an-id", "1-2-3-4-5", ID + "x", "'; drop table events"}) {
            assertThatThrownBy(() -> converter.getAsObject(null, null, typed)).as(typed)
                    .isInstanceOf(ConverterException.class).hasMessageContaining("not a valid id");
        }
    }

    @Test
    void idsFromFormsAndServletsAreNullWhenMalformed() {
        assertThat(Ids.parse(" " + ID + " ")).isEqualTo(ID);
        assertThat(Ids.parse("not-an-id")).isNull();
        assertThat(Ids.parse("  ")).isNull();
        assertThat(Ids.parse(null)).isNull();
    }
}

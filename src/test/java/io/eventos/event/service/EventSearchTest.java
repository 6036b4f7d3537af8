package io.eventos.event.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventSearchTest {

    @Test
    void typedTextBecomesAPrefixQueryOfLettersAndDigitsOnly() {
        assertThat(EventService.prefixQuery("Jazz riv")).isEqualTo("jazz:* & riv:*");
        assertThat(EventService.prefixQuery("summit 2027!")).isEqualTo("summit:* & 2027:*");
        assertThat(EventService.prefixQuery("a' | b:* & !c ) (")).isEqualTo("a:* & b:* & c:*");
        assertThat(EventService.prefixQuery("Café")).isEqualTo("café:*");
        assertThat(EventService.prefixQuery(" &|!() ")).isNull();
        assertThat(EventService.prefixQuery(null)).isNull();
    }
}

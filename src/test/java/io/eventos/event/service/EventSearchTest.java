package io.eventos.event.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventSearchTest {

    @Test
    void typedTextBecomesAPrefixQueryOfLettersAndDigitsOnly() {
        assertThat(EventSearch.prefixQuery("Jazz riv")).isEqualTo("jazz:* & riv:*");
        assertThat(EventSearch.prefixQuery("summit 2027!")).isEqualTo("summit:* & 2027:*");
        assertThat(EventSearch.prefixQuery("a' | b:* & !c ) (")).isEqualTo("a:* & b:* & c:*");
        assertThat(EventSearch.prefixQuery("Café")).isEqualTo("café:*");
        assertThat(EventSearch.prefixQuery(" &|!() ")).isNull();
        assertThat(EventSearch.prefixQuery(null)).isNull();
    }
}

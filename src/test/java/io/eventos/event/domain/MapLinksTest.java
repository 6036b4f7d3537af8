package io.eventos.event.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MapLinksTest {

    @Test
    void anAddressBecomesAnOpenStreetMapSearch() {
        assertThat(MapLinks.openStreetMapSearch("Pier 84, 555 12th Avenue", "10036 New York", null, "US"))
                .isEqualTo("https://www.openstreetmap.org/search?query=Pier+84%2C+555+12th+Avenue%2C+10036+New+York%2C+US");
        assertThat(MapLinks.openStreetMapSearch("<b>&\"x\"", "")).isEqualTo(
                "https://www.openstreetmap.org/search?query=%3Cb%3E%26%22x%22");
        assertThat(MapLinks.openStreetMapSearch(null, " ")).isNull();
    }
}

package io.eventos.event.web.organizer;

import org.junit.jupiter.api.Test;

import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

class AgendaPageTest {

    @Test
    void readsTimesTheWayPeopleTypeThem() {
        assertThat(AgendaPage.parseTime("09:30")).isEqualTo(LocalTime.of(9, 30));
        assertThat(AgendaPage.parseTime(" 9:05 ")).isEqualTo(LocalTime.of(9, 5));
        assertThat(AgendaPage.parseTime("0930")).isEqualTo(LocalTime.of(9, 30));
        assertThat(AgendaPage.parseTime("14.15")).isEqualTo(LocalTime.of(14, 15));
        assertThat(AgendaPage.parseTime("24:00")).isEqualTo(LocalTime.MAX);
    }

    @Test
    void refusesWhatIsNotATime() {
        assertThat(AgendaPage.parseTime("25:00")).isNull();
        assertThat(AgendaPage.parseTime("9:75")).isNull();
        assertThat(AgendaPage.parseTime("nine")).isNull();
        assertThat(AgendaPage.parseTime("")).isNull();
        assertThat(AgendaPage.parseTime(null)).isNull();
    }
}

package io.eventos.event.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AgendaClashesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final UUID ROOM_A = UUID.randomUUID();
    private static final UUID ROOM_B = UUID.randomUUID();
    private static final UUID KENJI = UUID.randomUUID();
    private static final UUID AMARA = UUID.randomUUID();

    private final AgendaClashes.Slot keynote = slot("Keynote", ROOM_A, Map.of(KENJI, "Kenji Watanabe"), "09:00", "10:00");

    @Test
    void theSameRoomAtTheSameTimeClashesAndNamesTheOtherSession() {
        var candidate = slot("Workshop", ROOM_A, Map.of(), "09:30", "10:30");

        var clashes = AgendaClashes.of(candidate, List.of(keynote), BERLIN);

        assertThat(clashes).singleElement().satisfies(clash -> {
            assertThat(clash.kind()).isEqualTo(AgendaClashes.Kind.ROOM);
            assertThat(clash.otherSessionId()).isEqualTo(keynote.id());
            assertThat(clash.message()).isEqualTo("Room A is already used by 'Keynote' 09:00–10:00.");
        });
    }

    @Test
    void theSameSpeakerInTwoRoomsAtTheSameTimeClashes() {
        var candidate = slot("Panel", ROOM_B, Map.of(KENJI, "Kenji Watanabe", AMARA, "Amara Okafor"), "09:45", "10:15");

        var clashes = AgendaClashes.of(candidate, List.of(keynote), BERLIN);

        assertThat(clashes).extracting(AgendaClashes.Clash::message)
                .containsExactly("Kenji Watanabe is already speaking in 'Keynote' 09:00–10:00.");
        assertThat(clashes.get(0).kind()).isEqualTo(AgendaClashes.Kind.SPEAKER);
    }

    @Test
    void roomAndSpeakerClashesAreBothNamed() {
        var candidate = slot("Q and A", ROOM_A, Map.of(KENJI, "Kenji Watanabe"), "08:30", "09:15");

        assertThat(AgendaClashes.of(candidate, List.of(keynote), BERLIN)).extracting(AgendaClashes.Clash::kind)
                .containsExactly(AgendaClashes.Kind.ROOM, AgendaClashes.Kind.SPEAKER);
    }

    @Test
    void sessionsThatTouchDoNotOverlap() {
        var next = slot("Next talk", ROOM_A, Map.of(KENJI, "Kenji Watanabe"), "10:00", "11:00");
        var before = slot("Early talk", ROOM_A, Map.of(KENJI, "Kenji Watanabe"), "08:00", "09:00");

        assertThat(AgendaClashes.of(next, List.of(keynote), BERLIN)).isEmpty();
        assertThat(AgendaClashes.of(before, List.of(keynote), BERLIN)).isEmpty();
        assertThat(AgendaClashes.overlaps(at("09:00"), at("10:00"), at("10:00"), at("11:00"))).isFalse();
        assertThat(AgendaClashes.overlaps(at("09:00"), at("10:00"), at("09:59"), at("11:00"))).isTrue();
    }

    @Test
    void differentRoomsWithDifferentSpeakersAtTheSameTimeAreFine() {
        var parallel = slot("Parallel track", ROOM_B, Map.of(AMARA, "Amara Okafor"), "09:00", "10:00");
        var noRoom = slot("Online Q and A", null, Map.of(), "09:00", "10:00");
        var keynoteWithoutRoom = slot("Keynote", null, Map.of(), "09:00", "10:00");

        assertThat(AgendaClashes.of(parallel, List.of(keynote), BERLIN)).isEmpty();
        assertThat(AgendaClashes.of(noRoom, List.of(keynoteWithoutRoom), BERLIN))
                .as("two sessions without a room do not share one").isEmpty();
    }

    @Test
    void aSessionDoesNotClashWithItself() {
        var moved = new AgendaClashes.Slot(keynote.id(), "Keynote", ROOM_A, "Room A",
                Map.of(KENJI, "Kenji Watanabe"), at("09:30"), at("10:30"), null);

        assertThat(AgendaClashes.of(moved, List.of(keynote), BERLIN)).isEmpty();
    }

    @Test
    void timesAreWrittenInTheEventsZoneAndAnotherEventIsNamed() {
        var elsewhere = new AgendaClashes.Slot(UUID.randomUUID(), "Rehearsal", ROOM_A, "Room A", Map.of(),
                at("07:00"), at("12:00"), "Spring Gala");
        var candidate = slot("Workshop", ROOM_A, Map.of(), "09:30", "10:30");

        assertThat(AgendaClashes.of(candidate, List.of(elsewhere), BERLIN)).extracting(AgendaClashes.Clash::message)
                .containsExactly("Room A is already used by 'Rehearsal' (Spring Gala) 07:00–12:00.");
        assertThat(AgendaClashes.of(candidate, List.of(elsewhere), ZoneId.of("UTC")).get(0).message())
                .as("the same instants in UTC").contains("05:00–10:00");
    }

    @Test
    void anOtherSessionOnAnotherDayShowsItsDays() {
        var overnight = new AgendaClashes.Slot(UUID.randomUUID(), "Hackathon", ROOM_A, "Room A", Map.of(),
                LocalDateTime.parse("2027-04-13T20:00").atZone(BERLIN).toInstant(), at("10:00"), null);
        var candidate = slot("Workshop", ROOM_A, Map.of(), "09:30", "10:30");

        assertThat(AgendaClashes.of(candidate, List.of(overnight), BERLIN).get(0).message())
                .isEqualTo("Room A is already used by 'Hackathon' Tue 13 Apr 20:00–Wed 14 Apr 10:00.");
    }

    private static AgendaClashes.Slot slot(String title, UUID room, Map<UUID, String> speakers, String from,
                                           String to) {
        return new AgendaClashes.Slot(UUID.randomUUID(), title, room,
                room == null ? null : room == ROOM_A ? "Room A" : "Room B", speakers, at(from), at(to), null);
    }

    private static Instant at(String time) {
        return LocalDateTime.parse("2027-04-14T" + time).atZone(BERLIN).toInstant();
    }
}

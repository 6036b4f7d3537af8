package io.eventos.event.web.organizer;

import io.eventos.event.service.RoomInput;
import io.eventos.event.service.VenueDetails;
import io.eventos.event.service.VenueInput;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class VenueFieldsTest {

    /** Opening a venue and saving it untouched sends back its fields and rooms; a room added has no id yet. */
    @Test
    void aVenueOpenedAndSavedSendsItsFieldsAndRooms() {
        RoomInput hall = new RoomInput(UUID.randomUUID(), "Hall A", 300);
        VenueDetails details = new VenueDetails(UUID.randomUUID(), "Congress Centre", "1 Main St", null, "10115",
                "Berlin", null, "DE", "Europe/Berlin", 1200, "Step-free", null, "https://maps.example/x", false,
                List.of(hall), 2);

        VenueFields form = VenueFields.from(details);
        form.addRoom();
        form.getRooms().get(1).setName("Foyer");

        assertThat(form.toInput()).isEqualTo(new VenueInput("Congress Centre", "1 Main St", null, "10115", "Berlin",
                null, "DE", "Europe/Berlin", 1200, "Step-free", null,
                List.of(hall, new RoomInput(null, "Foyer", null))));
        form.removeRoom(form.getRooms().get(0));
        assertThat(form.toInput().rooms()).containsExactly(new RoomInput(null, "Foyer", null));
    }
}

package io.eventos.event.service;

import io.eventos.isolation.IsolationFixtures;
import io.eventos.media.service.MediaLibrary;
import io.eventos.media.service.MediaUpload;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.testing.InContainer;
import io.eventos.testing.SuiteDeployment;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agenda's rules through the real service inside the container, as the application role: times within the
 * event's days and in order, rooms of the event's venue, overlap warnings that need confirming, the audit record
 * with the event's id, photos checked by their bytes, and who may see or change an agenda.
 */
@InContainer
public class AgendaServiceIT {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Deployment
    static WebArchive deployment() {
        return SuiteDeployment.war();
    }

    @Inject
    AgendaService agenda;
    @Inject
    MediaLibrary media;
    @Inject
    IsolationFixtures fixtures;
    @Inject
    AgendaFixtures agendaFixtures;

    private UUID account;
    private UUID owner;
    private UUID event;
    private UUID roomA;
    private UUID roomB;
    private LocalDateTime start; // the event's start, wall clock in Berlin (the event lasts three hours)

    @BeforeEach
    void accountWithAnEventAndTwoRooms() {
        account = UUID.randomUUID();
        owner = UUID.randomUUID();
        try (var t = CurrentTenant.bind(account); var u = CurrentTenant.bindUser(owner)) {
            event = fixtures.createAccountWithEvent("agenda-" + account.toString().substring(0, 8));
            roomA = agendaFixtures.addRoom(event, "Room A", 120);
            roomB = agendaFixtures.addRoom(event, "Room B", 40);
            start = LocalDateTime.ofInstant(agendaFixtures.eventStart(event), BERLIN);
        }
    }

    @Test
    void refusesEndBeforeStartAndSessionsOutsideTheEventsDaysNextToTheField() {
        asOwner(() -> {
            assertRefused("end", "must end after it starts", session("Backwards", roomA, 60, 30));
            assertRefused("end", "must end after it starts", session("Empty", roomA, 30, 30));
            AgendaException before = assertRefused("start", "during the event",
                    session("Too early", roomA, -2 * 24 * 60, -2 * 24 * 60 + 45));
            assertTrue(before.getMessage().contains("(Europe/Berlin)"), before.getMessage());
            assertRefused("end", "during the event", session("Too long", roomA, 0, 3 * 24 * 60));
            assertRefused("title", "Enter a title", session("  ", roomA, 0, 30));
            assertRefused("room", "Choose one of the rooms",
                    session("Elsewhere", agendaFixtures.roomElsewhere("Annex"), 0, 30));
            assertRefused("kind", "Choose one of the kinds", new SessionInput("Party", null, "party", null, null,
                    start, start.plusMinutes(30), null, List.of()));
            assertRefused("capacity", "cannot be negative", new SessionInput("Crowded", null, "talk", null, null,
                    start, start.plusMinutes(30), -1, List.of()));
            assertEquals(List.of(), agenda.agenda(event).sessions(), "nothing was saved");
        });
    }

    @Test
    void overlapsInARoomOrOfASpeakerAreWarningsNamingTheOtherSessionUntilConfirmed() {
        asOwner(() -> {
            UUID kenji = agenda.createSpeaker(event, new SpeakerInput("Kenji Watanabe", "Kumo", "Engineer", null), null);
            SessionSaveResult keynote = agenda.createSession(event, session("Keynote", roomA, 0, 60, kenji), List.of());
            assertTrue(keynote.saved());
            assertEquals(List.of(), keynote.warnings());
            String keynoteTime = HH_MM.format(start) + "–" + HH_MM.format(start.plusMinutes(60));

            SessionSaveResult workshop = agenda.createSession(event, session("Workshop", roomA, 30, 60), List.of());
            assertFalse(workshop.saved());
            assertEquals(List.of("Room A is already used by 'Keynote' " + keynoteTime + "."), workshop.warnings());

            SessionSaveResult panel = agenda.createSession(event, session("Panel", roomB, 15, 45, kenji), List.of());
            assertEquals(List.of("Kenji Watanabe is already speaking in 'Keynote' " + keynoteTime + "."),
                    panel.warnings());

            SessionSaveResult next = agenda.createSession(event, session("Next talk", roomA, 60, 120, kenji), List.of());
            assertTrue(next.saved(), "09:00-10:00 and 10:00-11:00 follow each other: " + next.warnings());
            SessionSaveResult parallel = agenda.createSession(event, session("Parallel", roomB, 0, 60), List.of());
            assertTrue(parallel.saved(), "another room at the same time is fine");

            SessionSaveResult confirmed = agenda.createSession(event, session("Workshop", roomA, 30, 60),
                    workshop.warnings());
            assertTrue(confirmed.saved(), "saved once the organizer confirmed the warning");
            assertEquals(4, agenda.agenda(event).sessions().size(), "Keynote, Next talk, Parallel, Workshop");
            List<String> audit = agendaFixtures.auditOf(confirmed.sessionId());
            assertEquals(1, audit.size());
            assertTrue(audit.get(0).startsWith("session.created " + event), audit.get(0));
            assertTrue(audit.get(0).contains("confirmed_overlaps"), audit.get(0));

            SessionSaveResult stale = agenda.createSession(event, session("Lunch talk", roomA, 45, 75),
                    workshop.warnings());
            assertFalse(stale.saved(), "confirming only some of the warnings does not count");
            assertEquals(3, stale.warnings().size(), "Keynote, Workshop and Next talk: " + stale.warnings());
        });
    }

    @Test
    void aRoomUsedByAnotherEventAtTheVenueIsAWarningToo() {
        asOwner(() -> {
            UUID gala = agendaFixtures.eventAtSameVenue(event, "Spring Gala");
            assertTrue(agenda.createSession(gala, session("Rehearsal", roomA, 0, 120), List.of()).saved());
            SessionSaveResult mine = agenda.createSession(event, session("Keynote", roomA, 60, 90), List.of());
            assertEquals(1, mine.warnings().size());
            assertTrue(mine.warnings().get(0).startsWith("Room A is already used by 'Rehearsal' (Spring Gala) "),
                    mine.warnings().get(0));
        });
    }

    @Test
    void movingAndEditingCheckTheSameRulesAndEveryChangeIsAudited() {
        asOwner(() -> {
            UUID keynote = agenda.createSession(event, session("Keynote", roomA, 0, 60), List.of()).sessionId();
            UUID talk = agenda.createSession(event, session("Talk", roomA, 60, 120), List.of()).sessionId();

            SessionSaveResult onTop = agenda.moveSession(event, talk, start.plusMinutes(30), start.plusMinutes(90),
                    List.of());
            assertFalse(onTop.saved());
            assertTrue(onTop.warnings().get(0).contains("'Keynote'"), onTop.warnings().toString());
            assertThrows(AgendaException.class, () -> agenda.moveSession(event, talk, start.plusMinutes(90),
                    start.plusMinutes(90), List.of()));
            assertTrue(agenda.moveSession(event, talk, start.plusMinutes(30), start.plusMinutes(90),
                    onTop.warnings()).saved());
            AgendaSession moved = find(talk);
            assertEquals(start.plusMinutes(30).atZone(BERLIN).toInstant(), moved.startsAt());
            assertEquals("Room A", moved.roomName(), "a move keeps the room");

            assertTrue(agenda.updateSession(event, keynote, session("Opening keynote", roomB, 0, 45), List.of()).saved());
            assertEquals("Room B", find(keynote).roomName());
            agenda.deleteSession(event, keynote);
            assertNull(agenda.agenda(event).sessions().stream().filter(s -> s.id().equals(keynote)).findFirst()
                    .orElse(null));

            List<String> keynoteAudit = agendaFixtures.auditOf(keynote);
            assertEquals(List.of("session.created", "session.updated", "session.deleted"),
                    keynoteAudit.stream().map(a -> a.split(" ")[0]).toList());
            assertTrue(keynoteAudit.stream().allMatch(a -> a.split(" ")[1].equals(event.toString())), keynoteAudit.toString());
            assertEquals(List.of("session.created", "session.updated"),
                    agendaFixtures.auditOf(talk).stream().map(a -> a.split(" ")[0]).toList());
        });
    }

    @Test
    void theAgendaComesWithRoomsAndSpeakersInTimeOrder() {
        asOwner(() -> {
            UUID amara = agenda.createSpeaker(event, new SpeakerInput("Amara Okafor", "Tidewater", null, null), null);
            UUID ingrid = agenda.createSpeaker(event, new SpeakerInput("Ingrid Solberg", null, "VP Product", null), null);
            agenda.createSession(event, session("Second", roomB, 60, 90, amara, ingrid), List.of());
            agenda.createSession(event, session("First", roomA, 0, 45, ingrid), List.of());
            Agenda loaded = agenda.agenda(event);
            assertEquals(List.of("Room A", "Room B"), loaded.rooms().stream().map(r -> r.name()).toList());
            assertEquals(List.of("First", "Second"), loaded.sessions().stream().map(AgendaSession::title).toList());
            assertEquals("Amara Okafor, Ingrid Solberg", loaded.sessions().get(1).speakerNames());
            assertEquals(List.of("Amara Okafor", "Ingrid Solberg"),
                    loaded.speakers().stream().map(s -> s.name()).toList());
            assertEquals("VP Product", loaded.speakers().get(1).affiliation());

            agenda.deleteSpeaker(event, ingrid);
            assertEquals("Amara Okafor", agenda.agenda(event).sessions().get(1).speakerNames());
            assertEquals(List.of("speaker.created", "speaker.deleted"),
                    agendaFixtures.auditOf(ingrid).stream().map(a -> a.split(" ")[0]).toList());
        });
    }

    @Test
    void speakerPhotosMustBeImagesOfAtMostTwoMegabytes() {
        asOwner(() -> {
            long mediaBefore = agendaFixtures.mediaCount();
            AgendaException html = assertThrows(AgendaException.class, () -> agenda.createSpeaker(event,
                    new SpeakerInput("Mallory", null, null, null), new MediaUpload("photo.png",
                            "<html><script>alert(1)</script></html>".getBytes())));
            assertEquals("photo", html.field());
            assertTrue(html.getMessage().contains("not a PNG, JPEG, GIF or WebP"), html.getMessage());
            byte[] huge = Arrays.copyOf(PNG, MediaLibrary.MAX_PHOTO_BYTES + 1);
            AgendaException big = assertThrows(AgendaException.class, () -> agenda.createSpeaker(event,
                    new SpeakerInput("Big", null, null, null), new MediaUpload("big.png", huge)));
            assertTrue(big.getMessage().contains("larger than 2 MB"), big.getMessage());
            assertEquals(mediaBefore, agendaFixtures.mediaCount(), "nothing stored for a refused upload");

            UUID priya = agenda.createSpeaker(event, new SpeakerInput("Priya Raman", "Openlane", null, null),
                    new MediaUpload("priya.png", PNG));
            UUID photo = agenda.speaker(event, priya).photoId();
            assertNotNull(photo);
            String url = agenda.speaker(event, priya).photoUrl();
            assertTrue(url.startsWith("/media/") && url.endsWith("/" + photo), url);
            assertEquals("image/png", media.content(photo).orElseThrow().contentType());

            agenda.updateSpeaker(event, priya, new SpeakerInput("Priya Raman", "Openlane", "Accessibility Lead", null),
                    null, true);
            assertNull(agenda.speaker(event, priya).photoId());
            assertNull(agenda.speaker(event, priya).photoUrl());
            assertTrue(media.content(photo).isEmpty(), "a removed photo is deleted");
            assertEquals(List.of("speaker.created", "speaker.updated"),
                    agendaFixtures.auditOf(priya).stream().map(a -> a.split(" ")[0]).toList());
        });
    }

    @Test
    void viewersReadTheAgendaAndOnlyManagersChangeIt() {
        UUID viewer = UUID.randomUUID();
        UUID limitedElsewhere = UUID.randomUUID();
        UUID otherEvent;
        try (var t = CurrentTenant.bind(account); var u = CurrentTenant.bindUser(owner)) {
            fixtures.addMember(viewer, "viewer", null);
            otherEvent = agendaFixtures.eventAtSameVenue(event, "Another event");
            fixtures.addMember(limitedElsewhere, "manager", "[\"" + otherEvent + "\"]");
            agenda.createSession(event, session("Keynote", roomA, 0, 60), List.of());
        }
        try (var t = CurrentTenant.bind(account); var u = CurrentTenant.bindUser(viewer)) {
            assertEquals(1, agenda.agenda(event).sessions().size());
            assertThrows(AccessDeniedException.class,
                    () -> agenda.createSession(event, session("Sneaky", roomB, 0, 30), List.of()));
            assertThrows(AccessDeniedException.class, () -> agenda.createSpeaker(event,
                    new SpeakerInput("Sneaky", null, null, null), null));
        }
        try (var t = CurrentTenant.bind(account); var u = CurrentTenant.bindUser(limitedElsewhere)) {
            assertThrows(AccessDeniedException.class, () -> agenda.agenda(event));
            assertEquals(0, agenda.agenda(otherEvent).sessions().size());
        }
        UUID strangerAccount = UUID.randomUUID();
        UUID stranger = UUID.randomUUID();
        try (var t = CurrentTenant.bind(strangerAccount); var u = CurrentTenant.bindUser(stranger)) {
            fixtures.createAccountWithEvent("agenda-x-" + strangerAccount.toString().substring(0, 8));
            assertThrows(AccessDeniedException.class, () -> agenda.agenda(event), "another account's event");
            assertThrows(AccessDeniedException.class,
                    () -> agenda.createSession(event, session("Smuggled", null, 0, 30), List.of()));
        }
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private SessionInput session(String title, UUID room, int fromMinute, int toMinute, UUID... speakers) {
        return new SessionInput(title, null, "talk", null, room, start.plusMinutes(fromMinute),
                start.plusMinutes(toMinute), null, List.of(speakers));
    }

    private AgendaException assertRefused(String field, String message, SessionInput input) {
        AgendaException refused = assertThrows(AgendaException.class,
                () -> agenda.createSession(event, input, List.of()));
        assertEquals(field, refused.field(), refused.getMessage());
        assertTrue(refused.getMessage().contains(message), refused.getMessage());
        return refused;
    }

    private AgendaSession find(UUID sessionId) {
        return agenda.agenda(event).sessions().stream().filter(s -> s.id().equals(sessionId)).findFirst()
                .orElseThrow();
    }

    private void asOwner(Runnable test) {
        try (var t = CurrentTenant.bind(account); var u = CurrentTenant.bindUser(owner)) {
            test.run();
        }
    }
}

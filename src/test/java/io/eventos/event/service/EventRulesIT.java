package io.eventos.event.service;

import io.eventos.account.service.AuditQuery;
import io.eventos.account.service.AuditRecord;
import io.eventos.account.service.AuditService;
import io.eventos.isolation.IsolationFixtures;
import io.eventos.media.service.MediaLibrary;
import io.eventos.media.service.MediaUpload;
import io.eventos.platform.input.InputProblem;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.testing.InContainer;
import io.eventos.testing.SuiteDeployment;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules of the events and venues services, inside the container against PostgreSQL as the application role:
 * slugs unique per account, the list's search and a limited member's view, sanitizing, publishing, cancelling,
 * cloning, series across a change of daylight saving time, venues in use, uploads and other accounts' ids.
 */
@InContainer
public class EventRulesIT {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Deployment
    static WebArchive deployment() {
        return SuiteDeployment.war();
    }

    @Inject
    EventService events;
    @Inject
    EventCopies copies;
    @Inject
    EventSearch search;
    @Inject
    VenueService venues;
    @Inject
    AuditService audit;
    @Inject
    IsolationFixtures isolation;
    @Inject
    EventFixtures fixtures;

    private UUID accountA;
    private UUID accountB;
    private UUID ownerA;
    private UUID ownerB;
    private UUID launchA;
    private UUID launchB;

    @BeforeEach
    void twoAccounts() {
        accountA = UUID.randomUUID();
        accountB = UUID.randomUUID();
        ownerA = UUID.randomUUID();
        ownerB = UUID.randomUUID();
        try (var t = as(accountA, ownerA)) {
            launchA = isolation.createAccountWithEvent("ev-a-" + accountA.toString().substring(0, 8));
        }
        try (var t = as(accountB, ownerB)) {
            launchB = isolation.createAccountWithEvent("ev-b-" + accountB.toString().substring(0, 8));
        }
    }

    private static CurrentTenant.Scope as(UUID account, UUID user) {
        var tenant = CurrentTenant.bind(account);
        var signedIn = CurrentTenant.bindUser(user);
        return () -> {
            signedIn.close();
            tenant.close();
        };
    }

    private static EventInput input(String name, String slug, LocalDateTime start, LocalDateTime end, String format,
                                    UUID venue, String onlineUrl) {
        return new EventInput(name, slug, "A summary", "<p>Hello</p>", start, end, "America/New_York", format, venue,
                onlineUrl, 100, "public", null, false);
    }

    private static LocalDateTime future(int days, int hour) {
        return LocalDate.now(NEW_YORK).plusDays(days).atTime(hour, 0);
    }

    private static List<String> fields(EventInputException e) {
        return e.problems().stream().map(InputProblem::field).toList();
    }

    @Test
    void aSlugIsUniqueWithinAnAccountButFreeInAnother() {
        try (var t = as(accountA, ownerA)) {
            events.create(input("Summer party", "summer-party", future(40, 18), future(40, 22), "online", null,
                    "https://meet.example.com/x"));
            EventInputException taken = assertThrows(EventInputException.class, () -> events.create(input(
                    "Another party", "summer-party", future(41, 18), future(41, 22), "online", null, null)));
            assertEquals(List.of("slug"), fields(taken));
            assertTrue(taken.problems().get(0).message().contains("already uses \"summer-party\""));
            UUID generated = events.create(input("Summer party", "", future(42, 18), future(42, 22), "online", null,
                    null));
            assertEquals("summer-party-2", events.details(generated).orElseThrow().slug());
            assertEquals("summer-party-3", events.suggestSlug("Summer Party!", null));
        }
        try (var t = as(accountB, ownerB)) {
            UUID sameSlug = events.create(input("Summer party in B", "summer-party", future(40, 18), future(40, 22),
                    "online", null, null));
            assertEquals("summer-party", events.details(sameSlug).orElseThrow().slug());
        }
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsSaved() {
        try (var t = as(accountA, ownerA)) {
            long before = search.count(EventQuery.all());
            EventInputException refused = assertThrows(EventInputException.class, () -> events.create(
                    new EventInput(" ", "Not A Slug", null, null, future(40, 18), future(40, 17), "Mars/Olympus",
                            "teleport", null, "javascript:alert(1)", -5, "secret", null, false)));
            assertEquals(List.of("name", "slug", "timeZone", "format", "onlineUrl", "capacity", "visibility"),
                    fields(refused));
            EventInputException endFirst = assertThrows(EventInputException.class, () -> events.create(input(
                    "Backwards", null, future(40, 18), future(40, 17), "hybrid", null, "javascript:alert(1)")));
            assertEquals(List.of("endsAt", "onlineUrl"), fields(endFirst));
            assertEquals("The event must end after it starts.", endFirst.problems().get(0).message());
            assertEquals(before, search.count(EventQuery.all()));
        }
    }

    @Test
    void theDescriptionIsSanitizedOnSaveAndItsTextIsSearchable() {
        try (var t = as(accountA, ownerA)) {
            UUID id = events.create(new EventInput("Riverboat night", null, null,
                    "<p>Live <b>jazz</b> aboard<img src=x onerror=alert(1)><script>alert(2)</script>"
                            + "<a href=\"javascript:alert(3)\">x</a><a href=\"https://example.com\">site</a></p>",
                    future(50, 19), future(50, 23), "America/New_York", "online", null, null, null, "public",
                    null, false));
            String html = fixtures.descriptionHtml(id);
            assertFalse(html.contains("<script") || html.contains("onerror") || html.contains("<img")
                    || html.contains("javascript:"), html);
            assertTrue(html.contains("<b>jazz</b>") && html.contains("href=\"https://example.com\""), html);
            assertEquals("Live jazz aboardxsite", fixtures.descriptionText(id));

            assertEquals(List.of(id), ids(search.page(query("riverb", null), 0, 25)));
            assertEquals(List.of(id), ids(search.page(query("JAZZ aboard", "draft"), 0, 25)));
            assertEquals(List.of(), ids(search.page(query("jazz", "published"), 0, 25)));
            assertEquals(1, search.count(query("aboard", null)));
            assertEquals(List.of(), ids(search.page(query("') or 1=1 --", null), 0, 25)));
        }
    }

    @Test
    void theDateFilterUsesEachEventsOwnDay() {
        try (var t = as(accountA, ownerA)) {
            // 23:30 in New York on 1 March 2027 is already 2 March in UTC
            UUID late = events.create(input("Late show", null, LocalDateTime.of(2027, 3, 1, 23, 30),
                    LocalDateTime.of(2027, 3, 2, 1, 0), "online", null, null));
            LocalDate first = LocalDate.of(2027, 3, 1);
            assertEquals(List.of(late), ids(search.page(new EventQuery(null, null, null, first, first, null, true),
                    0, 25)));
            LocalDate second = LocalDate.of(2027, 3, 2);
            assertEquals(List.of(), ids(search.page(new EventQuery(null, null, null, second, second, null, true),
                    0, 25)));
            EventRow row = search.page(new EventQuery(null, null, null, first, first, null, true), 0, 25).get(0);
            assertEquals(NEW_YORK, row.zone());
            assertEquals(LocalDateTime.of(2027, 3, 1, 23, 30), LocalDateTime.ofInstant(row.startsAt(), row.zone()));
        }
    }

    @Test
    void theListSortsInSqlAndPagesWithTheSameOrder() {
        try (var t = as(accountA, ownerA)) {
            UUID banana = events.create(input("Banana bash", null, future(20, 10), future(20, 12), "online", null,
                    null));
            UUID apple = events.create(input("apple fair", null, future(90, 10), future(90, 12), "online", null,
                    null));
            // launchA ("Launch of ...") starts in 30 days at the "Hall of ..." venue; the others have no venue
            assertEquals(List.of(apple, banana, launchA), ids(search.page(sorted("name", true), 0, 25)));
            assertEquals(List.of(launchA, banana, apple), ids(search.page(sorted("name", false), 0, 25)));
            assertEquals(List.of(banana, launchA, apple), ids(search.page(sorted("startsAt", true), 0, 25)));
            assertEquals(List.of(apple, launchA, banana), ids(search.page(sorted("startsAt", false), 0, 25)));
            assertEquals(launchA, ids(search.page(sorted("venue", true), 0, 25)).get(0));
            assertEquals(List.of(launchA), ids(search.page(sorted("name", false), 0, 1)));
            assertEquals(List.of(banana), ids(search.page(sorted("name", false), 1, 1)));
            assertEquals(List.of(launchA), ids(search.page(sorted("bogus; drop table events", true), 1, 1)));
            assertEquals(List.of(launchA), ids(search.page(new EventQuery(null, null,
                    venues.options(null).get(0).id(), null, null, null, true), 0, 25)));
        }
    }

    private static EventQuery sorted(String field, boolean ascending) {
        return new EventQuery(null, null, null, null, null, field, ascending);
    }

    @Test
    void aMemberLimitedToOneEventSeesOnlyThatEventInTheList() {
        UUID scoped = UUID.randomUUID();
        UUID other;
        try (var t = as(accountA, ownerA)) {
            other = events.create(input("Other launch", null, future(45, 10), future(45, 12), "online", null, null));
            isolation.addMember(scoped, "manager", "[\"" + launchA + "\"]");
            assertEquals(2, search.count(EventQuery.all()));
        }
        try (var t = as(accountA, scoped)) {
            assertEquals(List.of(launchA), ids(search.page(EventQuery.all(), 0, 25)));
            assertEquals(1, search.count(EventQuery.all()));
            assertEquals(List.of(), ids(search.page(query("other", null), 0, 25)));
            assertThrows(AccessDeniedException.class, () -> events.details(other));
            assertThrows(AccessDeniedException.class, () -> events.create(input("Mine", null, future(46, 10),
                    future(46, 12), "online", null, null)));
            assertThrows(AccessDeniedException.class, () -> venues.create(venue("Sneaky hall", List.of())));
            assertTrue(events.details(launchA).isPresent());
        }
    }

    @Test
    void publishingListsWhatIsMissingAndThenPublishes() {
        try (var t = as(accountA, ownerA)) {
            UUID id = events.create(input("Gala", null, future(60, 19), future(60, 23), "hybrid", null, null));
            PublishRefusedException refused = assertThrows(PublishRefusedException.class, () -> events.publish(id));
            assertEquals(List.of("Choose a venue: in-person and hybrid events need one.",
                    "Add the online link: online and hybrid events need one.",
                    "Add at least one ticket type (free or paid) so people can get in.",
                    "Confirm your email address: open the link we sent you (the dashboard can send it again)."),
                    refused.missing());
            assertEquals("DRAFT", fixtures.status(id));

            fixtures.verifyEmail(ownerA);
            UUID hall = venues.options(null).get(0).id();
            events.update(id, input("Gala", null, future(60, 19), future(60, 23), "hybrid", hall,
                    "https://meet.example.com/gala"));
            fixtures.addAgendaAndTickets(id);
            assertEquals(List.of(), events.missingForPublish(id));
            events.publish(id);
            assertEquals("PUBLISHED", fixtures.status(id));
            assertNotEquals(null, events.details(id).orElseThrow().publishedAt());
            assertThrows(PublishRefusedException.class, () -> events.publish(id));

            EventInputException noReason = assertThrows(EventInputException.class, () -> events.cancel(id, "  "));
            assertEquals(List.of("cancelReason"), fields(noReason));
            events.cancel(id, "The band is ill.");
            EventDetails cancelled = events.details(id).orElseThrow();
            assertEquals("cancelled", cancelled.status());
            assertEquals("The band is ill.", cancelled.cancelReason());

            List<String> actions = audit.page(new AuditQuery("event.", null, null, null), 0, 20).stream()
                    .map(AuditRecord::action).toList();
            assertTrue(actions.containsAll(List.of("event.created", "event.updated", "event.published",
                    "event.cancelled")), actions.toString());
            AuditRecord cancel = audit.page(new AuditQuery("event.cancelled", null, null, null), 0, 1).get(0);
            assertTrue(cancel.before().contains("published") && cancel.after().contains("The band is ill."),
                    cancel.toString());
        }
    }

    @Test
    void aCloneIsADraftWithTheAgendaAndTicketTypesMovedToItsDate() {
        try (var t = as(accountA, ownerA)) {
            fixtures.verifyEmail(ownerA);
            fixtures.addAgendaAndTickets(launchA);
            events.publish(launchA);
            EventDetails source = events.details(launchA).orElseThrow();
            LocalDateTime newStart = source.startsAt().plusDays(7);
            UUID copy = copies.cloneEvent(launchA, newStart);

            EventDetails cloned = events.details(copy).orElseThrow();
            assertEquals("draft", cloned.status());
            assertEquals(source.name(), cloned.name());
            assertEquals(source.venueId(), cloned.venueId());
            assertEquals(source.descriptionHtml(), cloned.descriptionHtml());
            assertEquals(newStart, cloned.startsAt());
            assertEquals("launch-" + newStart.toLocalDate(), cloned.slug());
            assertNull(cloned.publishedAt());

            List<String> sourceAgenda = fixtures.agenda(launchA);
            List<String> copyAgenda = fixtures.agenda(copy);
            assertEquals(2, copyAgenda.size());
            Instant sourceStart = fixtures.startOf(launchA);
            Instant copyStart = fixtures.startOf(copy);
            assertEquals(sourceAgenda.stream().map(l -> l.replaceAll("@[^|]*", "")).toList(),
                    copyAgenda.stream().map(l -> l.replaceAll("@[^|]*", "")).toList());
            assertTrue(sourceAgenda.get(0).startsWith("Keynote@" + sourceStart + "|Room "), sourceAgenda.toString());
            assertTrue(copyAgenda.get(0).startsWith("Keynote@" + copyStart + "|Room "), copyAgenda.toString());
            assertTrue(copyAgenda.get(1).endsWith("|Ada Lovelace,Grace Hopper"), copyAgenda.toString());
            assertEquals(List.of(copy, copy, copy), fixtures.linkedSpeakerEvents(copy));
            assertEquals(List.of("Regular|2500|" + copyStart, "Volunteer|0|null"), fixtures.ticketTypes(copy));
            assertEquals(List.of("Regular|2500|" + sourceStart, "Volunteer|0|null"), fixtures.ticketTypes(launchA));

            AuditRecord cloneEntry = audit.page(new AuditQuery("event.cloned", null, null, null), 0, 1).get(0);
            assertEquals(copy, cloneEntry.subjectId());
            assertTrue(cloneEntry.before().contains(launchA.toString()), cloneEntry.toString());
        }
    }

    @Test
    void aWeeklySeriesKeepsTheLocalTimeAcrossTheChangeOfDaylightSavingTime() {
        try (var t = as(accountA, ownerA)) {
            UUID first = events.create(input("Community meetup", "meetup", LocalDateTime.of(2027, 3, 1, 19, 0),
                    LocalDateTime.of(2027, 3, 1, 21, 0), "online", null, "https://meet.example.com/m"));
            List<UUID> dates = copies.repeat(first, "weekly", 3);
            assertEquals(3, dates.size());
            UUID series = fixtures.seriesOf(first);
            assertNotEquals(null, series);
            for (UUID id : dates) {
                assertEquals(series, fixtures.seriesOf(id));
                assertEquals("DRAFT", fixtures.status(id));
            }
            assertEquals(List.of(LocalDateTime.of(2027, 3, 8, 19, 0), LocalDateTime.of(2027, 3, 15, 19, 0),
                            LocalDateTime.of(2027, 3, 22, 19, 0)),
                    dates.stream().map(id -> events.details(id).orElseThrow().startsAt()).toList());
            assertEquals(List.of("2027-03-09T00:00:00Z", "2027-03-15T23:00:00Z", "2027-03-22T23:00:00Z"),
                    dates.stream().map(id -> fixtures.startOf(id).toString()).toList());
            assertEquals(List.of("meetup-2027-03-08", "meetup-2027-03-15", "meetup-2027-03-22"),
                    dates.stream().map(id -> events.details(id).orElseThrow().slug()).toList());
            assertEquals(4, events.details(first).orElseThrow().seriesSize());
            EventInputException tooMany = assertThrows(EventInputException.class,
                    () -> copies.repeat(first, "weekly", 53));
            assertEquals(List.of("repeatCount"), fields(tooMany));
        }
    }

    @Test
    void aVenueInUseIsArchivedNotDeletedAndRoomNamesAreUnique() {
        try (var t = as(accountA, ownerA)) {
            EventInputException twins = assertThrows(EventInputException.class, () -> venues.create(venue("Twin hall",
                    List.of(new RoomInput(null, "Studio", 20), new RoomInput(null, " studio ", 30)))));
            assertEquals(List.of("rooms"), fields(twins));

            UUID hall = venues.create(venue("Pier hall", List.of(new RoomInput(null, "Deck", 200))));
            var details = venues.find(hall).orElseThrow();
            assertEquals("America/New_York", details.timeZone());
            assertTrue(details.mapLink().startsWith("https://www.openstreetmap.org/search?query=Pier+84"),
                    details.mapLink());
            assertNull(details.mapUrl());
            UUID show = events.create(input("Show", null, future(30, 19), future(30, 22), "in_person", hall, null));

            EventInputException inUse = assertThrows(EventInputException.class, () -> venues.delete(hall));
            assertTrue(inUse.getMessage().startsWith("This venue is used by 1 event, so it cannot be deleted."),
                    inUse.getMessage());
            venues.archive(hall, true);
            assertTrue(venues.find(hall).orElseThrow().archived());
            assertFalse(venues.options(null).stream().anyMatch(v -> v.id().equals(hall)));
            assertTrue(venues.options(hall).stream().anyMatch(v -> v.id().equals(hall) && v.archived()));
            EventInputException archived = assertThrows(EventInputException.class, () -> events.create(input("Next",
                    null, future(31, 19), future(31, 22), "in_person", hall, null)));
            assertEquals(List.of("venue"), fields(archived));
            events.update(show, input("Show", null, future(30, 19), future(30, 21), "in_person", hall, null));

            UUID unused = venues.create(venue("Pop-up", List.of(new RoomInput(null, "Tent", 50))));
            venues.delete(unused);
            assertTrue(venues.find(unused).isEmpty());
            List<String> actions = audit.page(new AuditQuery("venue.", null, null, null), 0, 20).stream()
                    .map(AuditRecord::action).toList();
            assertTrue(actions.containsAll(List.of("venue.created", "venue.archived", "venue.deleted")),
                    actions.toString());
        }
    }

    @Test
    void coverUploadsMustBeImagesOfAtMostFiveMegabytes() {
        try (var t = as(accountA, ownerA)) {
            EventDetails launch = events.details(launchA).orElseThrow();
            EventInputException notImage = assertThrows(EventInputException.class, () -> events.update(launchA,
                    withCover(launch, new MediaUpload("cover.png", "<svg onload=alert(1)>".getBytes()))));
            assertEquals(List.of("cover"), fields(notImage));
            assertTrue(notImage.getMessage().contains("not a PNG, JPEG, GIF or WebP image"));
            byte[] huge = new byte[MediaLibrary.MAX_COVER_BYTES + 1];
            System.arraycopy(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, huge, 0, 8);
            EventInputException tooBig = assertThrows(EventInputException.class, () -> events.update(launchA,
                    withCover(launch, new MediaUpload("big.png", huge))));
            assertTrue(tooBig.getMessage().contains("larger than 5 MB"));
            assertNull(events.details(launchA).orElseThrow().coverUrl());

            byte[] gif = "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            events.update(launchA, withCover(launch, new MediaUpload("c.gif", gif)));
            String url = events.details(launchA).orElseThrow().coverUrl();
            assertTrue(url.startsWith("/media/ev-a-"), url);
        }
    }

    @Test
    void anotherAccountsEventsAndVenuesDoNotExistHere() {
        try (var t = as(accountA, ownerA)) {
            assertTrue(events.details(launchB).isEmpty());
            assertThrows(AccessDeniedException.class, () -> events.update(launchB, input("Hijack", null,
                    future(30, 19), future(30, 22), "online", null, null)));
            assertThrows(AccessDeniedException.class, () -> copies.cloneEvent(launchB, null));
            UUID venueOfB;
            try (var b = as(accountB, ownerB)) {
                venueOfB = venues.options(null).get(0).id();
            }
            assertTrue(venues.find(venueOfB).isEmpty());
            assertThrows(AccessDeniedException.class, () -> venues.delete(venueOfB));
            EventInputException foreignVenue = assertThrows(EventInputException.class, () -> events.create(input(
                    "Borrowed", null, future(30, 19), future(30, 22), "in_person", venueOfB, null)));
            assertEquals(List.of("venue"), fields(foreignVenue));
        }
        try (var t = as(accountB, ownerB)) {
            assertEquals("Launch of ev-b-" + accountB.toString().substring(0, 8),
                    events.details(launchB).orElseThrow().name());
        }
    }

    private static EventInput withCover(EventDetails d, MediaUpload cover) {
        return new EventInput(d.name(), d.slug(), d.summary(), d.descriptionHtml(), d.startsAt(), d.endsAt(),
                d.timeZone(), d.format(), d.venueId(), d.onlineUrl(), d.capacity(), d.visibility(), cover, false);
    }

    private static VenueInput venue(String name, List<RoomInput> rooms) {
        return new VenueInput(name, "Pier 84, 555 12th Avenue", null, "10036", "New York", "NY", "us",
                "America/New_York", 400, "Ramp access", null, rooms);
    }

    private static EventQuery query(String text, String status) {
        return new EventQuery(text, status, null, null, null, "startsAt", true);
    }

    private static List<UUID> ids(List<EventRow> rows) {
        return rows.stream().map(EventRow::id).toList();
    }

    @SuppressWarnings("unused")
    private static boolean causedBy(EJBException e, String text) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains(text)) {
                return true;
            }
        }
        return false;
    }
}

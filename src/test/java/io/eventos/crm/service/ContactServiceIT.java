package io.eventos.crm.service;

import io.eventos.platform.input.InputProblem;
import io.eventos.platform.input.InputRefusedException;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.testing.AppStatements;
import io.eventos.testing.Superuser;
import io.eventos.ticketing.service.EventOnSaleIT;
import io.eventos.ticketing.service.Cart;
import io.eventos.ticketing.service.CheckoutService;
import io.eventos.ticketing.service.OrderRequest;
import io.eventos.ticketing.service.PlacedOrder;
import io.eventos.ticketing.service.payment.TestCardGateway;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CRM's services in the container against the real PostgreSQL: a sale makes contacts of the buyer and of the
 * attendees with an email (linked in the sale's statement), the prefix search on the tsvector and the filters,
 * the rules of who may edit which contact (docs/permissions.md), consent history, custom fields, tasks and the
 * timeline's paging.
 */
public class ContactServiceIT extends EventOnSaleIT {

    @Inject
    ContactService contacts;
    @Inject
    ContactFieldService fields;
    @Inject
    CheckoutService checkout;
    @Inject
    io.eventos.crm.service.ContactSegmentService segments;
    @Inject
    io.eventos.ticketing.service.OrderService orders;
    @Inject
    io.eventos.checkin.service.DoorService door;
    @Inject
    io.eventos.checkin.service.CheckInListService checkInLists;

    private UUID regular;
    private UUID member;
    private UUID otherMember;
    private UUID manager;
    private UUID viewer;

    @BeforeEach
    void ticketsAndTeam() {
        try (var t = CurrentTenant.bind(account)) {
            regular = fixtures.ticketType(event, "Regular", 2500, 100, null);
            member = members.addMember(UUID.randomUUID(), "member", null);
            otherMember = members.addMember(UUID.randomUUID(), "member", null);
            manager = members.addMember(UUID.randomUUID(), "manager", null);
            viewer = members.addMember(UUID.randomUUID(), "viewer", null);
        }
    }

    @Test
    void aPaidOrderMakesContactsOfTheBuyerAndOfEveryAttendeeWithAnEmail() {
        PlacedOrder order = buy("Grace Hopper", "grace@example.org", List.of(
                new OrderRequest.AttendeeName("Grace", "Hopper", "GRACE@example.org"),
                new OrderRequest.AttendeeName("Alan", "Turing", "alan@example.org"),
                new OrderRequest.AttendeeName("Alan", "Turing", "Alan@Example.org"),
                new OrderRequest.AttendeeName("Nobody", "Known", null)));
        assertEquals(List.of("Alan|Alan@Example.org|alan@example.org", "Alan|alan@example.org|alan@example.org",
                        "Grace|GRACE@example.org|grace@example.org", "Nobody|-|-"),
                as(() -> fixtures.attendeeContacts(order.orderId())),
                "the buyer's address links to the buyer's contact; one contact per other address; no email, no link");

        List<ContactRow> all = as(() -> contacts.list(ContactFilter.all(), 0, 25, "name", true));
        assertEquals(List.of("Grace Hopper", "Alan Turing"), all.stream().map(ContactRow::name).toList(),
                "by last name: Hopper, Turing");
        assertEquals(List.of("Grace Hopper"), names(new ContactFilter(null, null, event, null, null, null)),
                "bought: the buyer, whose timeline has the paid order");
        ContactRow grace = all.get(0);
        List<TimelineEntry> timeline = as(() -> contacts.timeline(grace.id(), null, 10));
        assertEquals("order_paid", timeline.get(0).kind());
        assertEquals(event, timeline.get(0).eventId());
        assertTrue(timeline.get(0).eventName() != null, "named by the events context");
    }

    @Test
    void theSearchMatchesWordPrefixesOfNamesEmailAndCompany() {
        as(() -> contacts.create(form("Ada", "Lovelace", "ada@analytical.example", "+44 20 7946 0018",
                "Analytical Engines", List.of("vip"), null)));
        as(() -> contacts.create(form("Adam", "Smith", "adam@wealth.example", null, "Wealth of Nations",
                List.of("press"), null)));
        as(() -> contacts.create(form("Charles", "Babbage", "charles@difference.example", null, "Analytical Engines",
                List.of("vip", "speaker"), null)));

        assertEquals(List.of("Ada Lovelace", "Adam Smith"), names(text("ad")));
        assertEquals(List.of("Ada Lovelace"), names(text("ada lov")), "every word must match");
        assertEquals(List.of("Charles Babbage", "Ada Lovelace"), names(text("analyt")), "company");
        assertEquals(List.of("Adam Smith"), names(text("adam@wealth")), "email, typed as far as you like");
        assertEquals(List.of("Charles Babbage"), names(text("differ")), "a word of the email");
        assertEquals(List.of("Adam Smith"), names(text("adam@wealth.example")), "the whole address, typed");
        // the address is in the search vector as its words only (V45): whole, it was a word of its own for every
        // contact, most of the index, and no typed search could reach it
        try (Connection db = Superuser.connect(); Statement sql = db.createStatement();
             ResultSet words = sql.executeQuery("select count(*) from contacts c where c.account_id = '"
                     + account + "' and exists (select 1 from unnest(c.search) w where w.lexeme like '%@%')")) {
            words.next();
            assertEquals(0, words.getLong(1), "contacts with an address as one word of their search vector");
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        assertEquals(List.of(), names(text("lovelace babbage")));
        assertEquals(List.of("Charles Babbage", "Ada Lovelace"), names(new ContactFilter(null, "VIP", null, null,
                null, null)), "tag filter, any case");
        assertEquals(2, as(() -> contacts.count(new ContactFilter(null, "vip", null, null, null, null))));
        assertEquals(List.of("Ada Lovelace"), names(new ContactFilter("ada", "vip", null, null, null, null)));
        String csv = new String(io.eventos.platform.text.TableFiles.csv(as(() -> contacts.export(text("analyt")))),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(csv.contains("Ada,Lovelace,ada@analytical.example,'+442079460018,Analytical Engines"), csv);
        assertFalse(csv.contains("Smith"), csv);
    }

    /**
     * A search reads its first page together with its count (ContactService.searchFirstPage, one statement instead of
     * two): the same rows in the same order as the list's first page, in every sort and direction, with or without
     * another filter, and the same count; without search text it reads nothing.
     */
    @Test
    void aSearchsFirstPageReadWithItsCountIsTheListsFirstPageInEverySort() {
        for (int i = 0; i < 32; i++) {
            String first = i % 3 == 0 ? "Ada" : "Adele";
            String last = "Byron" + (char) ('A' + (i * 7) % 13); // repeated: the first name breaks the tie
            String email = "person" + i + "@first.example";
            List<String> tags = i % 2 == 0 ? List.of("vip") : List.of();
            as(() -> contacts.create(form(first, last, email, null, null, tags, null)));
        }
        as(() -> contacts.create(form("Bob", "Other", "bob@first.example", null, null, List.of("vip"), null)));
        for (ContactFilter filter : List.of(text("ad"), text("ada"), text("ade by"),
                new ContactFilter("ad", "vip", null, null, null, null), text("nobody"))) {
            long count = as(() -> contacts.count(filter));
            for (String sort : List.of("lastActivity", "name", "created")) {
                for (boolean ascending : List.of(true, false)) {
                    ContactService.SearchPage both = as(() -> contacts.searchFirstPage(filter, 25, sort, ascending));
                    String what = filter.text() + (filter.tag() == null ? "" : " + tag") + ", by " + sort
                            + (ascending ? " ascending" : " descending");
                    assertEquals(as(() -> contacts.list(filter, 0, 25, sort, ascending)), both.rows(), what);
                    assertEquals(count, both.matches(), what);
                }
            }
        }
        assertEquals(32, as(() -> contacts.searchFirstPage(text("ad"), 25, "name", true)).matches());
        assertEquals(25, as(() -> contacts.searchFirstPage(text("ad"), 25, "name", true)).rows().size());
        assertEquals(null, as(() -> contacts.searchFirstPage(ContactFilter.all(), 25, "name", true)),
                "no search text: the list reads its count and page apart");
    }

    /**
     * A search with a tag on many of the account's contacts tests the search's matches for the tag instead of reading
     * the tag's GIN index, whose bitmap holds every tagged contact (at a million contacts 50 ms against 4 for testing:
     * docs/benchmarks.md, "Contacts at scale"); a rare tag keeps its index. Either way the same people are found.
     */
    @Test
    void aSearchTestsItsMatchesForACommonTagAndReadsARareOneFromItsIndex() throws Exception {
        try (Connection db = Superuser.connect(); Statement sql = db.createStatement()) {
            AppStatements.enable(db);
            // 20,000 contacts, "common" on four in five, "rare" on one in 1,000; Ada on one in 25 (all "common")
            sql.execute("""
                    insert into contacts (id, account_id, first_name, last_name, email, tags, last_activity_at)
                    select gen_random_uuid(), '%s', case when i %% 25 = 1 then 'Ada' else 'Bea' end, 'Many' || i,
                           'many' || i || '@tags.example', case when i %% 1000 = 1 then '["common", "rare"]'
                           when i %% 5 <> 0 then '["common"]' else '[]' end::jsonb, now() - i * interval '1 minute'
                    from generate_series(1, 20000) i""".formatted(account));
            sql.execute("analyze contacts");
            AppStatements.reset(sql);
        }
        try {
            assertEquals(800, as(() -> contacts.count(new ContactFilter("ada", "common", null, null, null, null))));
            assertEquals(20, as(() -> contacts.count(new ContactFilter("ada", "rare", null, null, null, null))));
            try (Connection db = Superuser.connect(); Statement sql = db.createStatement()) {
                List<String> counts = AppStatements.list(sql, AppStatements.ALL
                        + " and s.query ~ 'from contacts c where .*search'");
                assertEquals(2, counts.size(), String.join("\n", counts));
                assertEquals(1, counts.stream().filter(q -> q.contains("jsonb_contains(c.tags, ")).count(),
                        "the common tag tested on the matches: " + counts);
                assertEquals(1, counts.stream().filter(q -> q.contains("c.tags @> ")).count(),
                        "the rare tag from its index: " + counts);
            }
            // the list's walk in last-activity order (a search or filter with more than 1,000 matches) finds its
            // page's ids in V44's index alone: what it tests (search, tags, consent) is there, no row is read (the
            // whole word: the planner knows how common it is, where a prefix gets a default estimate)
            try (Connection db = Superuser.connect(); Statement sql = db.createStatement()) {
                sql.execute("vacuum analyze contacts"); // the visibility map an index-only scan relies on
            }
            String walk = String.join("\n", Superuser.plan(account, "select c.id from contacts c where "
                    + "c.erased_at is null and c.merged_into_id is null and c.search @@ to_tsquery('simple', 'bea') "
                    + "and jsonb_contains(c.tags, '[\"common\"]') and not c.marketing_consent "
                    + "order by c.last_activity_at desc nulls last, c.id desc limit 25"));
            assertTrue(walk.contains("Index Only Scan using contacts_live_by_activity_idx"), walk);
        } finally {
            try (Connection db = Superuser.connect(); Statement sql = db.createStatement()) {
                sql.execute("delete from contacts where account_id = '" + account + "'");
                sql.execute("analyze contacts");
            }
        }
    }

    @Test
    void membersEditTheContactsTheyOwnManagersEditAllViewersRead() {
        UUID mine = as(member, () -> contacts.create(form("Mine", "Contact", null, null, null, List.of(), null)));
        assertTrue(as(member, () -> contacts.detail(mine)).editable());
        assertEquals(member, as(member, () -> contacts.detail(mine)).form().ownerUserId(),
                "a member owns the contact they create");
        as(member, () -> {
            contacts.update(mine, form("Mine", "Edited", null, null, null, List.of("friend"), member));
            return null;
        });
        assertEquals(List.of("friend"), as(() -> contacts.detail(mine)).form().tags());

        UUID theirs = as(() -> contacts.create(form("Theirs", "Contact", null, null, null, List.of(), otherMember)));
        assertFalse(as(member, () -> contacts.detail(theirs)).editable());
        assertThrows(AccessDeniedException.class, () -> as(member, () -> {
            contacts.update(theirs, form("Taken", "Over", null, null, null, List.of(), otherMember));
            return null;
        }));
        assertThrows(AccessDeniedException.class, () -> as(member, () -> {
            contacts.update(mine, form("Mine", "Given", null, null, null, List.of(), otherMember));
            return null;
        }), "giving a contact away is for managers");
        assertThrows(AccessDeniedException.class, () -> as(member, () -> contacts.bulkTag(Set.of(mine), "vip")));
        as(member, () -> contacts.addEntry(theirs, new TimelineEntryForm("note", "Met at the door", null, null,
                null))); // notes on anyone's contact
        as(manager, () -> {
            contacts.update(theirs, form("Theirs", "Renamed", null, null, null, List.of(), otherMember));
            return null;
        });
        assertEquals(2, as(manager, () -> contacts.bulkTag(Set.of(mine, theirs), "Newsletter")));

        assertEquals(2, as(viewer, () -> contacts.list(ContactFilter.all(), 0, 10, null, false)).size());
        assertFalse(as(viewer, () -> contacts.detail(theirs)).editable());
        assertThrows(AccessDeniedException.class, () -> as(viewer, () -> contacts.create(form("Not", "Allowed", null,
                null, null, List.of(), null))));
        assertThrows(AccessDeniedException.class, () -> as(viewer, () -> contacts.addEntry(theirs,
                new TimelineEntryForm("note", "No", null, null, null))));
    }

    @Test
    void badValuesAreRefusedFieldByFieldAndNothingIsSaved() {
        as(() -> fields.add("Company size", "number", null));
        as(() -> fields.add("Level", "choice", "Gold, Silver"));
        UUID ada = as(() -> contacts.create(form("Ada", "Lovelace", "ada@example.org", null, null, List.of(), null)));
        InputRefusedException refused = assertThrows(InputRefusedException.class, () -> as(() -> {
            contacts.update(ada, new ContactForm("Ada", "Byron", "not-an-email", "12345", null, null, null, null,
                    null, null, List.of("ok", "no, commas!"), null, Map.of("company_size", "many", "level", "Bronze")));
            return null;
        }));
        assertEquals(List.of("email", "phone", "tags", "custom-company_size", "custom-level"),
                refused.problems().stream().map(InputProblem::field).toList());
        assertEquals("Lovelace", as(() -> contacts.detail(ada)).form().lastName(), "nothing saved");

        as(() -> {
            contacts.update(ada, new ContactForm("Ada", "Byron", "ada@example.org", "+44 20 7946 0018", null, null,
                    null, null, "London", "UK", List.of("VIP"), null, Map.of("company_size", "12", "level", "Gold")));
            return null;
        });
        var saved = as(() -> contacts.detail(ada)).form();
        assertEquals("+442079460018", saved.phone());
        assertEquals(List.of("vip"), saved.tags());
        assertEquals(Map.of("company_size", "12", "level", "Gold"), saved.customFields());

        UUID other = as(() -> contacts.create(form("Other", "Person", null, null, null, List.of(), null)));
        InputRefusedException taken = assertThrows(InputRefusedException.class, () -> as(() -> {
            contacts.update(other, form("Other", "Person", "ADA@example.org", null, null, List.of(), null));
            return null;
        }));
        assertEquals("Another contact has this email address (Ada Byron).", taken.getMessage());
    }

    @Test
    void consentChangesAreKeptAsHistoryWithWhoAndHow() {
        UUID ada = as(() -> contacts.create(form("Ada", "Lovelace", "ada@example.org", null, null, List.of(), null)));
        as(() -> {
            contacts.changeConsent(ada, true, "Asked at the summit");
            return null;
        });
        as(manager, () -> {
            contacts.changeConsent(ada, false, "Replied STOP to the newsletter");
            return null;
        });
        var history = as(() -> contacts.consentHistory(ada));
        assertEquals(List.of("false|Replied STOP to the newsletter|User manager",
                        "true|Asked at the summit|User owner"),
                history.stream().map(h -> h.granted() + "|" + h.source() + "|" + h.actorName()).toList());
        assertFalse(as(() -> contacts.detail(ada)).consent());
    }

    @Test
    void tasksAreOnTheAssigneesListUntilDoneAndTheTimelineIsPagedNewestFirst() {
        UUID ada = as(() -> contacts.create(form("Ada", "Lovelace", null, null, null, List.of(), member)));
        Instant due = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        UUID task = as(() -> contacts.addEntry(ada, new TimelineEntryForm("task", "Send the deck", null, due,
                member)));
        assertEquals(List.of("Send the deck|Ada Lovelace|" + due), as(member, () -> contacts.myTasks(10)).stream()
                .map(t -> t.subject() + "|" + t.contactName() + "|" + t.dueAt()).toList());
        assertEquals(List.of(), as(() -> contacts.myTasks(10)), "the owner's list: not theirs");
        as(member, () -> {
            contacts.completeTask(task, true);
            return null;
        });
        assertEquals(List.of(), as(member, () -> contacts.myTasks(10)));

        for (int i = 0; i < 24; i++) {
            int n = i;
            as(() -> contacts.addEntry(ada, new TimelineEntryForm("note", "Note " + n, null, null, null)));
        }
        List<TimelineEntry> first = as(() -> contacts.timeline(ada, null, 20));
        assertEquals("Note 23", first.get(0).subject());
        List<TimelineEntry> rest = as(() -> contacts.timeline(ada, first.get(19).id(), 20));
        List<String> subjects = new ArrayList<>();
        first.forEach(e -> subjects.add(e.subject()));
        rest.forEach(e -> subjects.add(e.subject()));
        assertEquals(25, subjects.size());
        assertEquals("Send the deck", subjects.get(24), "the oldest last");
        assertEquals(25, Set.copyOf(subjects).size(), "no entry twice across pages");
    }

    @Test
    void theSegmentBoughtButDidNotAttendIsExactlyThePeopleWhoStayedAway() {
        PlacedOrder grace = buy("Grace Hopper", "grace@example.org", List.of(
                new OrderRequest.AttendeeName("Grace", "Hopper", null)));
        PlacedOrder alan = buy("Alan Turing", "alan@example.org", List.of(
                new OrderRequest.AttendeeName("Alan", "Turing", null)));
        buy("Edsger Dijkstra", "edsger@example.org", List.of(new OrderRequest.AttendeeName("Edsger", "Dijkstra",
                null)));
        as(() -> contacts.create(form("Never", "Bought", "never@example.org", null, null, List.of(), null)));
        UUID list = as(() -> checkInLists.lists(event).get(0).id());
        for (PlacedOrder came : List.of(grace, alan)) {
            String code = as(() -> orders.detail(came.orderId())).attendees().get(0).code();
            as(() -> door.scan(event, list, new io.eventos.checkin.service.ScanRequest(code,
                    UUID.randomUUID().toString(), io.eventos.checkin.domain.CheckInDirection.IN, null)));
        }
        ContactFilter stayedAway = new ContactFilter(null, null, null, null, null, null, event, null, null);
        UUID segment = as(() -> segments.save("Stayed away", stayedAway));
        assertEquals(List.of("Edsger Dijkstra"), names(as(() -> segments.rules(segment))));
        assertEquals(List.of("Stayed away|1"), as(() -> segments.list()).stream()
                .map(r -> r.name() + "|" + r.count()).toList(), "counted live");
        assertEquals(List.of("Grace Hopper", "Alan Turing"), names(new ContactFilter(null, null, null, null, null,
                null, null, 1, null)), "attended at least one event (by last name)");
        assertEquals(List.of(), names(new ContactFilter(null, null, null, null, null, null, null, 2, null)));
        assertEquals(3, names(new ContactFilter(null, null, null, null, null, null, null, null, "first")).size());
        assertEquals(List.of(), names(new ContactFilter(null, null, null, null, null, null, null, null, "repeat")));
        assertThrows(AccessDeniedException.class, () -> as(member, () -> segments.save("Mine", stayedAway)));
        assertEquals(1, as(viewer, () -> segments.list()).size(), "everyone reads the segments");
    }

    @Test
    void anotherAccountSeesNoneOfTheseContactsFieldsOrTasks() {
        UUID ada = as(() -> contacts.create(form("Ada", "Lovelace", "ada@example.org", null, null, List.of("vip"),
                null)));
        as(() -> fields.add("Company size", "number", null));
        as(() -> contacts.addEntry(ada, new TimelineEntryForm("task", "Call Ada", null, null, null)));
        UUID otherAccount = UUID.randomUUID();
        UUID otherOwner = UUID.randomUUID();
        try (var t = CurrentTenant.bind(otherAccount)) {
            fixtures.accountWithEventOnSale("contacts-other-" + otherAccount.toString().substring(0, 8), null);
            members.addMember(otherOwner, "owner", null);
        }
        try (var t = CurrentTenant.bind(otherAccount); var u = CurrentTenant.bindUser(otherOwner)) {
            assertEquals(List.of(), contacts.list(ContactFilter.all(), 0, 25, null, false));
            assertEquals(0, contacts.count(new ContactFilter("ada", "vip", null, null, null, null)));
            assertThrows(AccessDeniedException.class, () -> contacts.detail(ada));
            assertEquals(List.of(), contacts.timeline(ada, null, 10));
            assertEquals(List.of(), contacts.consentHistory(ada));
            assertEquals(List.of(), fields.list());
            assertEquals(0, contacts.bulkTag(Set.of(ada), "stolen"));
            // the same address is a contact of its own here
            UUID own = contacts.create(form("Ada", "Elsewhere", "ada@example.org", null, null, List.of(), null));
            assertEquals("Elsewhere", contacts.detail(own).form().lastName());
        }
        assertEquals(List.of("vip"), as(() -> contacts.detail(ada)).form().tags());
        assertEquals("Lovelace", as(() -> contacts.detail(ada)).form().lastName());
    }

    private PlacedOrder buy(String buyer, String email, List<OrderRequest.AttendeeName> attendees) {
        PlacedOrder placed = as(() -> checkout.placeOrder(new OrderRequest(as(() -> checkout.reserve(
                new Cart(event, Map.of(regular, attendees.size()), null))).token(), buyer, email, attendees, false,
                "test_card", UUID.randomUUID().toString(), "en"), BASE));
        assertTrue(as(() -> checkout.pay(placed.accessToken(), Map.of("card", TestCardGateway.GOOD_CARD), BASE))
                .paid());
        return placed;
    }

    private List<String> names(ContactFilter filter) {
        return as(() -> contacts.list(filter, 0, 25, "name", true)).stream().map(ContactRow::name).toList();
    }

    private static ContactFilter text(String text) {
        return new ContactFilter(text, null, null, null, null, null);
    }

    private static ContactForm form(String first, String last, String email, String phone, String company,
                                    List<String> tags, UUID owner) {
        return new ContactForm(first, last, email, phone, company, null, null, null, null, null, tags, owner,
                Map.of());
    }

    private <T> T as(UUID user, Supplier<T> call) {
        try (var t = CurrentTenant.bind(account); var u = CurrentTenant.bindUser(user)) {
            return call.get();
        }
    }
}

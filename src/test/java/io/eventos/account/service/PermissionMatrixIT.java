package io.eventos.account.service;

import io.eventos.account.domain.MemberRole;
import io.eventos.account.domain.PermissionsDoc;
import io.eventos.event.service.AgendaService;
import io.eventos.event.service.EventCard;
import io.eventos.event.service.EventDetails;
import io.eventos.event.service.EventInput;
import io.eventos.event.service.EventQuery;
import io.eventos.event.service.EventSearch;
import io.eventos.event.service.EventService;
import io.eventos.event.service.VenueInput;
import io.eventos.event.service.VenueService;
import io.eventos.isolation.IsolationFixtures;
import io.eventos.media.service.MediaUpload;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.security.Permission;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.testing.InContainer;
import io.eventos.testing.SuiteDeployment;
import io.eventos.ticketing.service.OrderFilter;
import io.eventos.ticketing.service.OrderService;
import io.eventos.ticketing.service.PromoCodeForm;
import io.eventos.ticketing.service.PromoCodeService;
import io.eventos.ticketing.service.TicketTypeForm;
import io.eventos.ticketing.service.TicketTypeService;
import io.eventos.ticketing.service.TicketingException;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every role (and a member limited to one event) against every protected service action of docs/permissions.md,
 * inside the container: allowed or refused exactly as the document says.
 */
@InContainer
public class PermissionMatrixIT {

    @Deployment
    static WebArchive deployment() {
        return SuiteDeployment.war();
    }

    @Inject
    EventService events;
    @Inject
    EventSearch search;
    @Inject
    AgendaService agenda;
    @Inject
    TeamService team;
    @Inject
    VenueService venues;
    @Inject
    AccountSettingsService settings;
    @Inject
    AuditService audit;
    @Inject
    InvitationService invitations;
    @Inject
    IsolationFixtures fixtures;
    @Inject
    TicketTypeService ticketTypes;
    @Inject
    OrderService orders;
    @Inject
    PromoCodeService promoCodes;
    @Inject
    io.eventos.checkin.service.DoorService door;
    @Inject
    io.eventos.checkin.service.CheckInListService checkInLists;
    @Inject
    io.eventos.analytics.service.Dashboards dashboards;
    @Inject
    io.eventos.analytics.service.Reports reports;
    @Inject
    io.eventos.account.service.WeeklySummarySettings weeklySummary;
    private UUID checkInList;
    @Inject
    io.eventos.crm.service.ContactService contacts;
    @Inject
    io.eventos.crm.service.ContactFieldService contactFields;
    @Inject
    io.eventos.crm.service.ContactImportService contactImports;
    @Inject
    io.eventos.crm.service.ContactSegmentService segments;
    @Inject
    io.eventos.crm.service.ContactViewService contactViews;
    @Inject
    io.eventos.crm.service.ContactPrivacyService privacy;
    @Inject
    io.eventos.crm.service.ContactMergeService merging;
    private final java.util.Deque<UUID[]> pairsToMerge = new java.util.ArrayDeque<>();
    private final java.util.Deque<UUID> mergesToUndo = new java.util.ArrayDeque<>();
    private final java.util.Deque<UUID[]> pairsToDismiss = new java.util.ArrayDeque<>();
    private final java.util.Deque<UUID> dismissalsToRestore = new java.util.ArrayDeque<>();
    private final Map<UUID, UUID> ownContacts = new java.util.HashMap<>();
    private final java.util.Deque<UUID> contactsToErase = new java.util.ArrayDeque<>();
    private UUID othersContact;

    private static final String BASE_URL = "http://localhost:8080";

    private UUID account;
    private UUID eventInScope;
    private UUID eventOutOfScope;
    private UUID target;
    private UUID openInvitation;
    private UUID invitationToRevoke;
    private UUID paidOrder;
    private UUID promoCode;
    private final java.util.Deque<UUID> promoCodesToDelete = new java.util.ArrayDeque<>();
    private java.time.LocalDateTime eventStart; // of eventInScope, wall clock in its zone
    private final Map<String, UUID> users = new LinkedHashMap<>();

    @BeforeEach
    void accountWithOneMemberPerRole() {
        account = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        try (var t = CurrentTenant.bind(account); var u = CurrentTenant.bindUser(owner)) {
            eventInScope = fixtures.createAccountWithEvent("perm-" + account.toString().substring(0, 8));
            Instant start = Instant.now().plus(20, ChronoUnit.DAYS);
            eventOutOfScope = events.createDraft("other", "Other", start, start.plus(2, ChronoUnit.HOURS), "UTC",
                    "EUR").id();
            for (MemberRole role : List.of(MemberRole.ADMIN, MemberRole.MANAGER, MemberRole.MEMBER, MemberRole.VIEWER)) {
                users.put(role.label(), fixtures.addMember(UUID.randomUUID(), role.label(), null));
            }
            users.put("member limited to one event", fixtures.addMember(UUID.randomUUID(), "member",
                    "[\"" + eventInScope + "\"]"));
            target = fixtures.addMember(UUID.randomUUID(), "viewer", null);
            paidOrder = fixtures.createPaidOrder(eventInScope);
            var info = agenda.agenda(eventInScope).event();
            eventStart = java.time.LocalDateTime.ofInstant(info.startsAt(), info.zone());
        }
        users.put("owner", owner); // last, so transferring ownership does not change the others' outcomes
    }

    @Test
    void everyRoleMayDoExactlyWhatTheDocumentSays() throws IOException {
        try (var t = CurrentTenant.bind(account); var u = CurrentTenant.bindUser(users.get("owner"))) {
            openInvitation = invitations.invite(freshAddress(), "viewer", Set.of(), BASE_URL).invitationId();
            invitationToRevoke = invitations.invite(freshAddress(), "member", Set.of(eventInScope), BASE_URL)
                    .invitationId();
            promoCode = promoCodes.create(eventInScope, promo("CHECKED"));
            checkInList = checkInLists.lists(eventInScope).get(0).id();
            for (UUID user : users.values()) { // a contact each role owns, and one owned by someone else
                ownContacts.put(user, contacts.create(contact("Own", user)));
            }
            othersContact = contacts.create(contact("Others", target));
            for (int i = 0; i < users.size(); i++) { // an erasable contact for every role that tries
                contactsToErase.push(contacts.create(contact("Erasable" + i, target)));
            }
            for (int i = 0; i < users.size(); i++) { // two contacts to merge, and a merge to undo, for every role
                pairsToMerge.push(new UUID[] {contacts.create(contact("Twin" + i, target)),
                        contacts.create(contact("Twin" + i, target))});
                mergesToUndo.push(merging.merge(contacts.create(contact("Merged" + i, target)),
                        contacts.create(contact("Merged" + i, target)), Set.of()));
            }
            for (int i = 0; i < users.size(); i++) { // a pair to dismiss, and a dismissed pair to restore, each
                pairsToDismiss.push(new UUID[] {contacts.create(contact("Namesake" + i, target)),
                        contacts.create(contact("Namesake" + i, target))});
                merging.dismiss(contacts.create(contact("Dismissed" + i, target)),
                        contacts.create(contact("Dismissed" + i, target)));
            }
            merging.dismissed(100).forEach(d -> dismissalsToRestore.push(d.id()));
            for (int i = 0; i < users.size(); i++) { // a deletable code for every role that tries
                promoCodesToDelete.push(promoCodes.create(eventInScope, promo("GONE" + i)));
            }
        }
        PermissionsDoc doc = PermissionsDoc.parse(resource("permissions.md"));
        Map<Permission, java.util.Set<MemberRole>> matrix = doc.matrix();
        List<String> mismatches = new ArrayList<>();
        int checks = 0;
        for (Map.Entry<String, Permission> action : doc.actions().entrySet()) {
            for (Map.Entry<String, UUID> user : users.entrySet()) {
                boolean limited = user.getKey().startsWith("member limited");
                MemberRole role = MemberRole.valueOf(user.getKey().split(" ")[0].toUpperCase());
                boolean expected = matrix.get(action.getValue()).contains(role)
                        && (!limited || action.getValue().isEventPermission());
                boolean allowed;
                try (var t = CurrentTenant.bind(account); var u = CurrentTenant.bindUser(user.getValue())) {
                    call(action.getKey());
                    allowed = true;
                } catch (TicketingException passedThePermissionCheck) {
                    allowed = true; // e.g. refunding the order again: refused by the order's state, not the role
                } catch (AccessDeniedException denied) {
                    allowed = false;
                }
                checks++;
                if (allowed != expected) {
                    mismatches.add(action.getKey() + " as " + user.getKey() + ": " + (allowed ? "allowed" : "refused")
                            + ", the document says " + (expected ? "allowed" : "refused"));
                }
            }
        }
        assertEquals(List.of(), mismatches);
        assertEquals(doc.actions().size() * users.size(), checks);
        assertTrue(doc.actions().size() >= 10, "protected actions listed: " + doc.actions().keySet());
    }

    @Test
    void aMemberLimitedToOneEventSeesOnlyThatEvent() {
        try (var t = CurrentTenant.bind(account);
             var u = CurrentTenant.bindUser(users.get("member limited to one event"))) {
            assertEquals(List.of(eventInScope), search.list().stream().map(EventCard::id).toList());
            assertEquals(1, search.count());
            assertTrue(search.find(eventInScope).isPresent());
            assertThrows(AccessDeniedException.class, () -> search.find(eventOutOfScope));
        }
    }

    @Test
    void aRoleChangeCountsFromTheNextCall() {
        UUID viewer = users.get("viewer");
        Instant start = Instant.now().plus(40, ChronoUnit.DAYS);
        try (var t = CurrentTenant.bind(account); var u = CurrentTenant.bindUser(viewer)) {
            assertThrows(AccessDeniedException.class, () -> events.createDraft("promoted", "Promoted", start,
                    start.plus(1, ChronoUnit.HOURS), "UTC", "EUR"));
            fixtures.changeRole(viewer, "manager");
            assertEquals("promoted", events.createDraft("promoted", "Promoted", start, start.plus(1, ChronoUnit.HOURS),
                    "UTC", "EUR").slug());
        }
    }

    @Test
    void theLastOwnerCannotBeDemotedOrRemoved() {
        try (var t = CurrentTenant.bind(account); var u = CurrentTenant.bindUser(users.get("owner"))) {
            UUID owner = users.get("owner");
            var demote = assertThrows(io.eventos.account.service.TeamException.class,
                    () -> team.changeRole(owner, "admin"));
            assertTrue(demote.getMessage().contains("only owner"), demote.getMessage());
            assertThrows(io.eventos.account.service.TeamException.class, () -> team.remove(owner));
            assertEquals(MemberRole.OWNER, team.members().get(0).role());
        }
        try (var t = CurrentTenant.bind(account); var u = CurrentTenant.bindUser(users.get("admin"))) {
            var byAdmin = assertThrows(io.eventos.account.service.TeamException.class,
                    () -> team.changeRole(target, "owner"));
            assertTrue(byAdmin.getMessage().contains("Only an owner"), byAdmin.getMessage());
        }
    }

    @Test
    void changesAreWrittenToTheAuditLogWithWhoAndBeforeAfter() {
        try (var t = CurrentTenant.bind(account); var u = CurrentTenant.bindUser(users.get("admin"))) {
            team.changeRole(target, "member");
            var entries = audit.page(new AuditQuery("member.", null, null, null), 0, 10);
            assertEquals(1, entries.size());
            assertEquals("member.role_changed", entries.get(0).action());
            assertEquals(target, entries.get(0).subjectId());
            assertTrue(entries.get(0).before().contains("viewer") && entries.get(0).after().contains("member"),
                    entries.get(0).toString());
            assertEquals(1, audit.count(new AuditQuery("member.role", null, null, null)));
            assertEquals(0, audit.count(new AuditQuery("account.", null, null, null)));
        }
    }

    private void call(String action) {
        Instant start = Instant.now().plus(30, ChronoUnit.DAYS);
        switch (action) {
            case "EventSearch.list" -> search.list();
            case "EventSearch.find" -> search.find(eventInScope);
            case "EventService.createDraft" -> events.createDraft("e-" + UUID.randomUUID().toString().substring(0, 8),
                    "Created", start, start.plus(1, ChronoUnit.HOURS), "UTC", "EUR");
            case "EventService.rename" -> events.rename(eventInScope, "Renamed");
            case "EventSearch.page" -> search.page(EventQuery.all(), 0, 10);
            case "EventService.update" -> {
                EventDetails d = events.details(eventInScope).orElseThrow();
                events.update(eventInScope, new EventInput(d.name(), d.slug(), d.summary(), d.descriptionHtml(),
                        d.startsAt(), d.endsAt(), d.timeZone(), d.format(), d.venueId(), d.onlineUrl(), d.capacity(),
                        d.visibility(), null, false));
            }
            case "VenueService.list" -> venues.list(true);
            case "VenueService.create" -> venues.create(new VenueInput("Hall " + UUID.randomUUID(), null, null, null,
                    null, null, null, "UTC", null, null, null, List.of()));
            case "AccountSettingsService.changeLogo" -> settings.changeLogo(new MediaUpload("logo.gif",
                    "GIF89a;".getBytes(StandardCharsets.US_ASCII)));
            case "AgendaService.agenda" -> agenda.agenda(eventInScope);
            case "AgendaService.createSession" -> agenda.createSession(eventInScope,
                    new io.eventos.event.service.SessionInput("Checked", null, "talk", null, null, eventStart,
                            eventStart.plusMinutes(30), null, List.of()), List.of());
            case "TeamService.members" -> team.members();
            case "TeamService.changeRole" -> team.changeRole(target, "member");
            case "TeamService.transferOwnership" -> team.transferOwnership(target);
            case "AccountSettingsService.current" -> settings.current();
            case "AccountSettingsService.update" -> {
                AccountSettings now = current();
                settings.update(now.name(), now.slug(), "Europe/Berlin", "EUR", now.brandColor());
            }
            case "AccountSettingsService.requireTwoFactor" -> settings.requireTwoFactor(false);
            case "AuditService.page" -> audit.page(AuditQuery.all(), 0, 10);
            case "InvitationService.invite" -> invitations.invite(freshAddress(), "viewer", Set.of(), BASE_URL);
            case "InvitationService.pending" -> invitations.pending();
            case "InvitationService.resend" -> invitations.resend(openInvitation, BASE_URL);
            case "InvitationService.revoke" -> invitations.revoke(invitationToRevoke); // a second revoke changes nothing
            case "TicketTypeService.list" -> ticketTypes.list(eventInScope);
            case "TicketTypeService.create" -> ticketTypes.create(eventInScope, new TicketTypeForm("Extra", null, 1000,
                    10, null, null, 1, 4, false, 5, false, null));
            case "OrderService.list" -> orders.list(OrderFilter.forEvent(eventInScope), 0, 10, "placedAt", false);
            case "OrderService.detail" -> orders.detail(paidOrder);
            case "OrderService.saveNote" -> orders.saveNote(paidOrder, "Called the buyer");
            case "OrderService.refund" -> orders.refund(paidOrder, java.util.Set.copyOf(
                    orders.detail(paidOrder).attendees().stream().map(a -> a.id()).toList()), BASE_URL);
            case "TicketTypeService.saveCancellationPolicy" -> ticketTypes.saveCancellationPolicy(eventInScope,
                    io.eventos.ticketing.service.CancellationPolicy.Kind.REFUND, 48);
            case "OrderService.declineRefundRequest" -> orders.declineRefundRequest(paidOrder, "No refunds this close "
                    + "to the event.", BASE_URL); // no request open: refused by the order's state, not the role
            case "PromoCodeService.list" -> promoCodes.list(eventInScope);
            case "PromoCodeService.create" -> promoCodes.create(eventInScope,
                    promo("NEW" + UUID.randomUUID().toString().substring(0, 8)));
            case "PromoCodeService.update" -> promoCodes.update(eventInScope, promoCode, promo("CHECKED"));
            case "PromoCodeService.delete" -> promoCodes.delete(eventInScope, promoCodesToDelete.pop());
            case "PromoCodeService.end" -> promoCodes.end(eventInScope, promoCode); // a second end: "already expired"
            case "DoorService.scan" -> door.scan(eventInScope, checkInList, new io.eventos.checkin.service.ScanRequest(
                    "no-such-code", null, io.eventos.checkin.domain.CheckInDirection.IN, null));
            case "DoorService.search" -> door.search(eventInScope, checkInList, "Ada");
            case "DoorService.counts" -> door.counts(eventInScope, checkInList);
            case "CheckInListService.lists" -> checkInLists.lists(eventInScope);
            case "CheckInListService.history" -> checkInLists.history(eventInScope, null, null, 10);
            case "CheckInListService.saveList" -> checkInLists.saveList(eventInScope, checkInList,
                    new io.eventos.checkin.service.CheckInListForm("All tickets", List.of(), false,
                            io.eventos.checkin.domain.ListMode.ONCE, null, null));
            case "CheckInListService.createDevice" -> checkInLists.createDevice(eventInScope, checkInList, "Door",
                    java.time.Duration.ofHours(1), BASE_URL);
            case "ContactService.list" -> contacts.list(io.eventos.crm.service.ContactFilter.all(), 0, 10, null, false);
            case "ContactService.detail" -> contacts.detail(othersContact);
            case "ContactService.myTasks" -> contacts.myTasks(10);
            case "ContactService.create" -> contacts.create(contact("Created", null));
            case "ContactService.update (a contact the caller owns)" -> {
                UUID me = CurrentTenant.user().orElseThrow();
                contacts.update(ownContacts.get(me), contact("Own", me));
            }
            case "ContactService.addEntry (to any contact)" -> contacts.addEntry(othersContact,
                    new io.eventos.crm.service.TimelineEntryForm("note", "Checked", null, null, null));
            case "ContactService.update (a contact someone else owns)" -> contacts.update(othersContact,
                    contact("Others", target));
            case "ContactService.changeConsent (a contact someone else owns)" -> contacts.changeConsent(othersContact,
                    !contacts.detail(othersContact).consent(), "Asked by phone");
            case "ContactService.bulkTag" -> contacts.bulkTag(Set.of(othersContact), "checked");
            case "ContactService.bulkOwner" -> contacts.bulkOwner(Set.of(othersContact), target);
            case "ContactFieldService.add" -> contactFields.add("Field " + UUID.randomUUID().toString()
                    .substring(0, 8), "text", null);
            case "ContactSegmentService.list" -> segments.list();
            case "ContactSegmentService.save" -> segments.save("Segment " + UUID.randomUUID().toString().substring(0, 8),
                    new io.eventos.crm.service.ContactFilter(null, "vip", null, null, "yes", null, eventInScope, 1,
                            "repeat"));
            case "ContactViewService.list" -> contactViews.list();
            case "ContactViewService.save (a view of one's own)" -> contactViews.save("View " + UUID.randomUUID()
                    .toString().substring(0, 8), io.eventos.crm.service.ContactFilter.all(), "name", true, false);
            case "ContactViewService.save (shared with the team)" -> contactViews.save("Shared " + UUID.randomUUID()
                    .toString().substring(0, 8), io.eventos.crm.service.ContactFilter.all()
                    .withSales("any", "EUR", 100L, null, null), "name", true, true);
            case "ContactService.export" -> contacts.export(io.eventos.crm.service.ContactFilter.all());
            case "ContactImportService.preview" -> contactImports.preview(
                    "email\nimported@example.org\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
            case "ContactImportService.open" -> contactImports.open("contacts.csv",
                    "email\nimported@example.org\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    java.util.List.of("email"));
            case "Dashboards.account" -> dashboards.account(io.eventos.analytics.service.Period.last(30,
                    java.time.LocalDate.now()));
            case "Dashboards.event" -> dashboards.event(eventInScope);
            case "Reports.figures" -> reports.figures(io.eventos.analytics.service.Reports.Kind.REVENUE,
                    io.eventos.analytics.service.Period.last(30, java.time.LocalDate.now()), eventInScope);
            case "Reports.page" -> reports.page(io.eventos.analytics.service.Period.last(30,
                    java.time.LocalDate.now()), eventInScope);
            case "Reports.export" -> reports.export(io.eventos.analytics.service.Reports.Kind.ATTENDEES,
                    io.eventos.analytics.service.Period.last(30, java.time.LocalDate.now()), eventInScope);
            case "ContactPrivacyService.exportJson" -> privacy.exportJson(othersContact);
            case "ContactPrivacyService.exportCsv" -> privacy.exportCsv(othersContact);
            case "ContactPrivacyService.erase" -> privacy.erase(contactsToErase.pop());
            case "ContactMergeService.suggestions" -> merging.suggestions(othersContact);
            case "ContactMergeService.duplicates" -> merging.duplicates(null, 25);
            case "ContactMergeService.merges" -> merging.merges(othersContact);
            case "ContactMergeService.merge" -> {
                UUID[] pair = pairsToMerge.pop();
                merging.merge(pair[0], pair[1], Set.of("firstName"));
            }
            case "ContactMergeService.undo" -> merging.undo(mergesToUndo.pop());
            case "ContactMergeService.dismiss" -> {
                UUID[] pair = pairsToDismiss.pop();
                merging.dismiss(pair[0], pair[1]);
            }
            case "ContactMergeService.restore" -> merging.restore(dismissalsToRestore.pop());
            case "ContactMergeService.dismissed" -> merging.dismissed(20);
            case "AccountSettingsService.changeDataRetention" -> settings.changeDataRetention("400");
            case "WeeklySummarySettings.isOn" -> weeklySummary.isOn();
            case "WeeklySummarySettings.change" -> weeklySummary.change(true);
            default -> throw new AssertionError("docs/permissions.md lists an action this test cannot call: " + action);
        }
    }

    @Test
    void aMembershipInAnotherAccountGrantsNothingHere() {
        // the user owns another account (created first, so their rows there come first in a scan) and views this one
        UUID other = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        try (var t = CurrentTenant.bind(other); var u = CurrentTenant.bindUser(user)) {
            fixtures.createAccountWithEvent("perm-other-" + other.toString().substring(0, 8));
        }
        try (var t = CurrentTenant.bind(account); var u = CurrentTenant.bindUser(users.get("owner"))) {
            fixtures.addMember(user, "viewer", null);
        }
        try (var t = CurrentTenant.bind(account); var u = CurrentTenant.bindUser(user)) {
            assertThrows(AccessDeniedException.class, () -> team.changeRole(target, "member"));
            assertThrows(AccessDeniedException.class, () -> invitations.pending());
            assertEquals(1, team.members().stream().filter(m -> m.userId().equals(user)).count(),
                    "listed once, with this account's role");
            assertEquals(MemberRole.VIEWER, team.members().stream().filter(m -> m.userId().equals(user))
                    .findFirst().orElseThrow().role());
        }
    }

    @Test
    void invitationsFollowTheRulesForRoles() {
        try (var t = CurrentTenant.bind(account); var u = CurrentTenant.bindUser(users.get("admin"))) {
            var owner = assertThrows(InvitationException.class,
                    () -> invitations.invite(freshAddress(), "owner", Set.of(), BASE_URL));
            assertEquals(InvitationException.Field.ROLE, owner.field());
            assertEquals(InvitationService.OWNER_ONLY, owner.getMessage());
        }
        try (var t = CurrentTenant.bind(account); var u = CurrentTenant.bindUser(users.get("owner"))) {
            assertEquals(InvitationService.WHOLE_ACCOUNT_ROLES, assertThrows(InvitationException.class,
                    () -> invitations.invite(freshAddress(), "admin", Set.of(eventInScope), BASE_URL)).getMessage());
            assertEquals(InvitationService.UNKNOWN_EVENT, assertThrows(InvitationException.class,
                    () -> invitations.invite(freshAddress(), "member", Set.of(UUID.randomUUID()), BASE_URL))
                    .getMessage());
            String memberAddress = users.get("viewer") + "@TEST.eventos.test";
            var member = assertThrows(InvitationException.class,
                    () -> invitations.invite(memberAddress, "viewer", Set.of(), BASE_URL));
            assertEquals(InvitationException.Field.EMAIL, member.field());
            assertEquals(memberAddress + " is already a member of this account.", member.getMessage());

            String address = freshAddress();
            UUID first = invitations.invite(address, "viewer", Set.of(), BASE_URL).invitationId();
            var again = invitations.invite(address.toUpperCase(java.util.Locale.ROOT), "member", Set.of(eventInScope),
                    BASE_URL);
            assertTrue(again.replacedEarlier());
            assertEquals(first, again.invitationId(), "the open invitation is refreshed, not duplicated");
            var listed = invitations.pending().stream().filter(i -> i.id().equals(first)).toList();
            assertEquals(1, listed.size());
            assertEquals("member", listed.get(0).role());
            assertEquals(List.of("Launch of perm-" + account.toString().substring(0, 8)), listed.get(0).eventNames());
            invitations.revoke(first);
            assertTrue(invitations.pending().stream().noneMatch(i -> i.id().equals(first)));
            assertThrows(InvitationException.class, () -> invitations.resend(first, BASE_URL));
            assertEquals(2, audit.count(new AuditQuery("member.invited", null, null, null)),
                    "an invitation and its refresh");
            assertEquals(1, audit.count(new AuditQuery("invitation.revoked", null, null, null)));
        }
    }

    private static io.eventos.crm.service.ContactForm contact(String first, UUID owner) {
        return new io.eventos.crm.service.ContactForm(first, "Contact", null, null, null, null, null, null, null,
                null, List.of(), owner, Map.of());
    }

    private static PromoCodeForm promo(String code) {
        return new PromoCodeForm(code, "percent", 10, null, List.of(), 5, null, null, null);
    }

    private static String freshAddress() {
        return "invitee-" + UUID.randomUUID() + "@example.test";
    }

    private AccountSettings current() {
        return settings.current();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PermissionMatrixIT.class.getClassLoader().getResourceAsStream(name)) {
            assertFalse(in == null, name + " is packaged with the test");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

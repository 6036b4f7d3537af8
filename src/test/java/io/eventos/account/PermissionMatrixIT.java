package io.eventos.account;

import io.eventos.account.domain.MemberRole;
import io.eventos.account.service.AccountSettings;
import io.eventos.account.service.AccountSettingsService;
import io.eventos.account.service.AuditQuery;
import io.eventos.account.service.AuditService;
import io.eventos.account.service.TeamService;
import io.eventos.event.service.AgendaService;
import io.eventos.event.service.EventCard;
import io.eventos.event.service.EventService;
import io.eventos.isolation.IsolationFixtures;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.security.Permission;
import io.eventos.platform.tenancy.CurrentTenant;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every role (and a member limited to one event) against every protected service action of docs/permissions.md,
 * inside the container: allowed or refused exactly as the document says.
 */
@ExtendWith(ArquillianExtension.class)
public class PermissionMatrixIT {

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("eventos.it.war",
                        "target/eventos.war")))
                .addClasses(IsolationFixtures.class, PermissionsDoc.class)
                .addAsResource(new File("docs/permissions.md"), "permissions.md");
    }

    @Inject
    EventService events;
    @Inject
    AgendaService agenda;
    @Inject
    TeamService team;
    @Inject
    AccountSettingsService settings;
    @Inject
    AuditService audit;
    @Inject
    IsolationFixtures fixtures;

    private UUID account;
    private UUID eventInScope;
    private UUID eventOutOfScope;
    private UUID target;
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
            var info = agenda.agenda(eventInScope).event();
            eventStart = java.time.LocalDateTime.ofInstant(info.startsAt(), info.zone());
        }
        users.put("owner", owner); // last, so transferring ownership does not change the others' outcomes
    }

    @Test
    void everyRoleMayDoExactlyWhatTheDocumentSays() throws IOException {
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
            assertEquals(List.of(eventInScope), events.list().stream().map(EventCard::id).toList());
            assertEquals(1, events.count());
            assertTrue(events.find(eventInScope).isPresent());
            assertThrows(AccessDeniedException.class, () -> events.find(eventOutOfScope));
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
            case "EventService.list" -> events.list();
            case "EventService.find" -> events.find(eventInScope);
            case "EventService.createDraft" -> events.createDraft("e-" + UUID.randomUUID().toString().substring(0, 8),
                    "Created", start, start.plus(1, ChronoUnit.HOURS), "UTC", "EUR");
            case "EventService.rename" -> events.rename(eventInScope, "Renamed");
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
                settings.update(now.name(), now.slug(), "Europe/Berlin", "EUR");
            }
            case "AccountSettingsService.requireTwoFactor" -> settings.requireTwoFactor(false);
            case "AuditService.page" -> audit.page(AuditQuery.all(), 0, 10);
            default -> throw new AssertionError("docs/permissions.md lists an action this test cannot call: " + action);
        }
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

package io.eventos.crm.service;

import io.eventos.account.service.AuditQuery;
import io.eventos.account.service.AuditRecord;
import io.eventos.account.service.AuditService;
import io.eventos.isolation.IsolationFixtures;
import io.eventos.platform.input.InputRefusedException;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.testing.InContainer;
import io.eventos.testing.SuiteDeployment;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CSV import in the container against the real PostgreSQL: created, updated (matched on the email in any case,
 * fields merged), merged within the file and skipped rows, each with its timeline entry and the audit entry; an import
 * of one account never reads or touches another account's contacts, even with the same emails; a file refused as a
 * whole imports nothing; and a large file through the background path (its size from EVENTOS_BENCH_IMPORT_ROWS, 3,000
 * unless set: docs/benchmarks.md).
 */
@InContainer
public class ContactImportIT {

    private static final Logger LOG = Logger.getLogger(ContactImportIT.class.getName());

    @Deployment
    static WebArchive deployment() {
        return SuiteDeployment.war();
    }

    @Inject
    IsolationFixtures fixtures;
    @Inject
    ContactService contacts;
    @Inject
    ContactImportService imports;
    @Inject
    ContactImports background;
    @Inject
    AuditService audit;

    private UUID accountA;
    private UUID ownerA;
    private UUID accountB;
    private UUID ownerB;

    @BeforeEach
    void twoAccounts() {
        accountA = UUID.randomUUID();
        ownerA = UUID.randomUUID();
        accountB = UUID.randomUUID();
        ownerB = UUID.randomUUID();
        as(accountA, ownerA, () -> fixtures.createAccountWithEvent("import-a-" + accountA.toString().substring(0, 8)));
        as(accountB, ownerB, () -> fixtures.createAccountWithEvent("import-b-" + accountB.toString().substring(0, 8)));
    }

    @Test
    void anImportCreatesUpdatesMergesAndSkipsAndSaysSo() {
        UUID ada = as(accountA, ownerA, () -> contacts.create(form("Ada", "Lovelace", "ada@example.org")));
        byte[] file = """
                First name;Last name;Email;Company;Tags;Consent
                Ada;;ADA@Example.org;Analytical Engines;speaker;yes
                Grace;Hopper;grace@example.org;;navy;
                Bad;Row;not-an-email;;;
                Grace;;Grace@example.org;US Navy;admiral;no
                """.getBytes(StandardCharsets.UTF_8);

        ImportPreview preview = as(accountA, ownerA, () -> imports.preview(file, null));
        assertEquals(List.of("first_name", "last_name", "email", "company", "tags", "consent"), preview.mapping());
        assertEquals(4, preview.rows());
        assertEquals(1, preview.toCreate());
        assertEquals(1, preview.toUpdate());
        assertEquals(1, preview.skipped());
        assertEquals(1, preview.merged());
        assertEquals(4, preview.problems().get(0).line());

        ImportStatus done = run(accountA, ownerA, "people.csv", file, preview.mapping());
        assertEquals("done", done.status());
        assertEquals(1, done.created());
        assertEquals(1, done.updated());
        assertEquals(1, done.skipped());
        assertEquals(1, done.merged());
        assertEquals(4, done.problems().get(0).line());

        List<ContactRow> all = as(accountA, ownerA, () -> contacts.list(ContactFilter.all(), 0, 25, "name", true));
        assertEquals(List.of("Grace Hopper|grace@example.org|US Navy|[navy, admiral]",
                        "Ada Lovelace|ada@example.org|Analytical Engines|[speaker]"),
                all.stream().map(c -> c.name() + "|" + c.email() + "|" + c.company() + "|" + c.tags()).toList(),
                "Ada updated, not twinned: the empty last name changed nothing; Grace's two rows are one contact");
        assertTrue(as(accountA, ownerA, () -> contacts.detail(ada)).consent(), "consent given by the file");
        List<TimelineEntry> timeline = as(accountA, ownerA, () -> contacts.timeline(ada, null, 10));
        assertEquals("imported", timeline.get(0).kind());
        assertEquals("Imported from people.csv", timeline.get(0).subject());
        List<AuditRecord> entries = as(accountA, ownerA, () -> audit.page(new AuditQuery("contacts.imported", null,
                null, null, "contact_import", done.id()), 0, 10));
        assertEquals(1, entries.size());
        assertTrue(entries.get(0).after().replace(" ", "").contains("\"created\":1"), entries.get(0).after());
    }

    @Test
    void anImportOfOneAccountNeverTouchesAnotherAccountsContacts() {
        UUID bee = as(accountB, ownerB, () -> contacts.create(form("Bee", "Original", "shared@example.org")));
        byte[] file = "email,first name,company\nshared@example.org,Changed,Account A Ltd\n"
                .getBytes(StandardCharsets.UTF_8);

        ImportPreview preview = as(accountA, ownerA, () -> imports.preview(file, null));
        assertEquals(1, preview.toCreate(), "B's contact with the same email is not A's to update");
        ImportStatus done = run(accountA, ownerA, "a.csv", file, preview.mapping());
        assertEquals(1, done.created());
        assertEquals(0, done.updated());

        ContactForm kept = as(accountB, ownerB, () -> contacts.detail(bee)).form();
        assertEquals("Bee", kept.firstName());
        assertEquals(null, kept.company());
        assertTrue(as(accountB, ownerB, () -> contacts.timeline(bee, null, 10)).stream()
                .noneMatch(e -> e.kind().equals("imported")), "no timeline entry on B's contact");
        assertEquals(1, as(accountB, ownerB, () -> contacts.count(ContactFilter.all())));
        assertEquals(null, as(accountB, ownerB, () -> imports.status(done.id())), "B cannot read A's import");
    }

    @Test
    void aFileRefusedAsAWholeImportsNothingEvenItsGoodRows() {
        byte[] file = "email,first name\ngood@example.org,Good\nalso-good@example.org,Also,extra\n"
                .getBytes(StandardCharsets.UTF_8);
        InputRefusedException refused = assertThrows(InputRefusedException.class,
                () -> as(accountA, ownerA, () -> imports.preview(file, null)));
        assertEquals("file", refused.problems().get(0).field());
        assertTrue(refused.getMessage().startsWith("Line 3 has 3 values"), refused.getMessage());
        assertThrows(InputRefusedException.class,
                () -> as(accountA, ownerA, () -> background.start("bad.csv", file, List.of("email", "first_name"))));
        assertEquals(0, as(accountA, ownerA, () -> contacts.count(ContactFilter.all())));
    }

    @Test
    void aLargeFileImportsInTheBackgroundWithProgress() throws InterruptedException {
        String configured = System.getenv("EVENTOS_BENCH_IMPORT_ROWS");
        int rows = configured == null || configured.isBlank() ? 3_000 : Integer.parseInt(configured.strip());
        StringBuilder csv = new StringBuilder("first name,last name,email,phone,company,job title,tags,consent\n");
        for (int i = 0; i < rows; i++) {
            csv.append("First").append(i).append(",Last").append(i).append(",person").append(i)
                    .append("@bench.example.org,+4930").append(1_000_000 + i).append(",Company ").append(i % 500)
                    .append(",Job ").append(i % 40).append(",bench;batch-").append(i % 10).append(',')
                    .append(i % 3 == 0 ? "yes" : "no").append('\n');
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        List<String> mapping = as(accountA, ownerA, () -> imports.preview(file, null)).mapping();
        ImportStatus status = importAndWait(file, mapping, "new contacts");
        assertEquals("done", status.status(), String.valueOf(status.error()));
        assertEquals(rows, status.created());
        assertEquals(Math.min(rows, ContactService.COUNT_LIMIT + 1), as(accountA, ownerA,
                () -> contacts.count(new ContactFilter(null, "bench", null, null, null, null))),
                "the list counts them");

        ImportStatus again = importAndWait(file, mapping, "updates of existing contacts");
        assertEquals("done", again.status(), String.valueOf(again.error()));
        assertEquals(0, again.created(), "the same file again creates nobody");
        assertEquals(rows, again.updated());
    }

    private ImportStatus importAndWait(byte[] file, List<String> mapping, String what) throws InterruptedException {
        long started = System.nanoTime();
        UUID id = as(accountA, ownerA, () -> background.start("bench.csv", file, mapping));
        ImportStatus status;
        int progressSeen = 0;
        do {
            Thread.sleep(200);
            status = as(accountA, ownerA, () -> imports.status(id));
            if (!status.finished() && status.processed() > 0) {
                progressSeen++;
            }
        } while (!status.finished() && System.nanoTime() - started < 600_000_000_000L);
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info(String.format("Imported %,d rows (%,d bytes, %s) in %,d ms; progress seen %d times", status.total(),
                file.length, what, millis, progressSeen));
        return status;
    }

    private ImportStatus run(UUID account, UUID user, String name, byte[] file, List<String> mapping) {
        return as(account, user, () -> imports.run(imports.open(name, file, mapping), name, file, mapping));
    }

    private static ContactForm form(String first, String last, String email) {
        return new ContactForm(first, last, email, null, null, null, null, null, null, null, List.of(), null,
                Map.of());
    }

    private static <T> T as(UUID account, UUID user, Supplier<T> call) {
        try (var t = CurrentTenant.bind(account); var u = CurrentTenant.bindUser(user)) {
            return call.get();
        }
    }
}

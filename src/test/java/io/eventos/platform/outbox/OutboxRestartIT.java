package io.eventos.platform.outbox;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.eventos.devserver.EmbeddedDatabase;
import io.eventos.devserver.PayaraProcess;
import io.eventos.platform.persistence.DatabaseSettings;
import io.eventos.testing.Browser;
import io.eventos.testing.BrowserTest;
import io.eventos.testing.BrowserTest.OwnServers;
import io.eventos.testing.Poll;
import io.eventos.testing.QrReader;
import io.eventos.testing.TestDatabase;
import io.eventos.testing.TestMail;
import io.eventos.testing.TestServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox's promise, with a real crash: a buyer pays, the server is killed (SIGKILL) right after the order
 * committed and before any mail went out, a new server starts on the same database, and the confirmation with its
 * PDF arrives exactly once. The first server runs with EVENTOS_OUTBOX_PAUSED so "before any mail went out" is certain
 * rather than a race; it shares nothing else with the second but the database. Its servers are its own, not the
 * shared test server ({@link OwnServers}); the buyer's browser is the base's ({@link #anotherBrowser}).
 */
@OwnServers
class OutboxRestartIT extends BrowserTest {

    private static final String SECRET_KEY = "b3V0Ym94LXJlc3RhcnQtdGVzdC1rZXktMzItYnl0ZXM=";

    @Test
    void aConfirmationCommittedJustBeforeACrashArrivesExactlyOnceAfterTheRestart() throws Exception {
        EmbeddedDatabase cluster = TestDatabase.get();
        String database = "eventos_restart_" + System.nanoTime();
        cluster.createDatabase(database);
        DatabaseSettings settings = cluster.settings(database);
        GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        TestMail mail = TestMail.of(smtp);
        int port = freePort();
        Map<String, String> env = TestServer.withMailAndAddress(TestServer.environment(settings, SECRET_KEY), smtp, port);
        Path logs = Path.of(System.getProperty("eventos.it.workDir", "target/it"));
        String buyer = "crash-" + System.nanoTime() + "@example.org";

        PayaraProcess first = start(env, Map.of("EVENTOS_OUTBOX_PAUSED", "true"), port,
                logs.resolve("outbox-restart-1.log"));
        String orderCode;
        try {
            orderCode = buyOneTicket(first, buyer);
            assertThat(outbox(cluster, database, "status")).as("the confirmation waits in the outbox")
                    .containsExactly("pending");
        } finally {
            first.kill();
        }
        assertThat(mail.messagesTo(buyer)).as("nothing was sent before the crash").isEmpty();

        PayaraProcess second = start(env, Map.of(), port, logs.resolve("outbox-restart-2.log"));
        try {
            MimeMessage confirmation = mail.awaitMessageTo(buyer, 0, Duration.ofSeconds(90));
            assertThat(confirmation.getSubject()).contains(orderCode);
            byte[] pdf = TestMail.attachment(confirmation, "application/pdf");
            assertThat(pdf).as("the tickets as a PDF").isNotNull();
            assertThat(QrReader.qrCodesOfPdf(pdf)).containsExactlyInAnyOrderElementsOf(
                    query(cluster, database, """
                            select a.code from attendees a join orders o on o.id = a.order_id where o.code = ?""",
                            orderCode));
            String rowId = awaitDone(cluster, database);
            assertThat(confirmation.getHeader("Message-ID")).containsExactly("<" + rowId + "@outbox.eventos>");
            // claimed once (a claim is the only way to a delivery) and now done: nothing sends it again
            assertThat(outbox(cluster, database, "attempts::text")).containsExactly("1");
            assertThat(mail.messagesTo(buyer)).as("exactly once").hasSize(1);
        } finally {
            second.close();
            smtp.stop();
        }
    }

    private String buyOneTicket(PayaraProcess server, String buyer) {
        ChromeDriver buyerBrowser = anotherBrowser();
        return Browser.buyOneSummitTicket(buyerBrowser, server.baseUri().toString(), buyer);
    }

    private static PayaraProcess start(Map<String, String> env, Map<String, String> extra, int port, Path log)
            throws Exception {
        Map<String, String> all = new HashMap<>(env);
        all.putAll(extra);
        return TestServer.startPayara(all, port, log);
    }

    /** Polls until the confirmation's outbox row is done; returns its id. */
    private static String awaitDone(EmbeddedDatabase cluster, String database) throws Exception {
        Poll.until("the confirmation's outbox row done", Duration.ofSeconds(30), Duration.ofMillis(200),
                () -> outbox(cluster, database, "status").equals(List.of("done")));
        return outbox(cluster, database, "id::text").get(0);
    }

    private static List<String> outbox(EmbeddedDatabase cluster, String database, String column) throws Exception {
        return query(cluster, database, "select " + column + " from outbox where topic = 'order.paid'");
    }

    private static List<String> query(EmbeddedDatabase cluster, String database, String sql, String... values)
            throws Exception {
        try (Connection connection = cluster.superuserConnection(database);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

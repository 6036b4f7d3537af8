package io.eventos.platform.security;

import io.eventos.testing.RawHttp;
import io.eventos.testing.TestServer;
import io.eventos.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Public pages are answered without Jakarta Security's sign-in bridge (platform.security.OpenPaths,
 * docs/architecture/web-layer.md, "Public paths skip the sign-in bridge"); organizer pages are not: they still send a
 * signed-out visitor to sign in, and a signed-in organizer who opened public pages in between is still signed in,
 * in the same session. Each client is plain HTTP with its own cookies and loopback address, like a browser.
 */
class OpenPathsIT {

    private static final String EVENT_PAGE = "/e/demo/product-summit";
    private static final List<String> PUBLIC_PAGES = List.of(EVENT_PAGE, "/e/demo", EVENT_PAGE + ".ics",
            EVENT_PAGE + "/tickets", "/e/demo/orders/find");

    private URI base;

    @BeforeEach
    void open() {
        base = TestServer.baseUri();
    }

    @Test
    void organizerPagesStillSendASignedOutVisitorToSignInAndBackAfterPublicPages() {
        RawHttp visitor = new RawHttp(base, "127.0.0.91");
        for (String page : PUBLIC_PAGES) {
            assertEquals(200, visitor.get(page, Map.of()).status(), page);
        }
        RawHttp.Response organizerPage = visitor.get("/app/audit.xhtml?action=member.", Map.of());
        assertEquals(302, organizerPage.status(), "an organizer page asks for a sign-in");
        assertTrue(TestUsers.pathOf(organizerPage.header("Location")).startsWith("/login.xhtml"),
                organizerPage.header("Location"));
        // public pages between being sent to sign in and signing in do not lose the page asked for
        assertEquals(200, visitor.get(EVENT_PAGE, Map.of()).status());
        String user = TestUsers.createDemoViewer("open-paths-back");
        try {
            assertEquals("/app/audit.xhtml?action=member.",
                    TestUsers.pathOf(TestUsers.signIn(visitor, user, TestUsers.PASSWORD)));
        } finally {
            TestUsers.leaveDemo(user);
        }
    }

    @Test
    void anOrganizerPageDisguisedAsAPublicOneStillNeedsASignIn() {
        RawHttp visitor = new RawHttp(base, "127.0.0.93");
        for (String disguised : List.of("/e/../app/audit.xhtml", "/e/%2e%2e/app/audit.xhtml",
                "/media/..;/app/audit.xhtml", "/e/demo/..%2f..%2fapp/audit.xhtml")) {
            RawHttp.Response answer = visitor.get(disguised, Map.of());
            assertNotEquals(200, answer.status(), disguised + " is no public page");
            assertTrue(!answer.body().contains("Audit log"), disguised);
        }
    }

    @Test
    void aSignedInOrganizerStaysSignedInAcrossPublicPagesInTheSameSession() {
        String user = TestUsers.createDemoViewer("open-paths");
        try {
            RawHttp organizer = new RawHttp(base, "127.0.0.92");
            assertTrue(TestUsers.signIn(organizer, user, TestUsers.PASSWORD).contains("/app/"));
            String session = organizer.cookie("EVENTOS_SESSION");
            assertSignedIn(organizer);
            for (String page : PUBLIC_PAGES) {
                assertEquals(200, organizer.get(page, Map.of()).status(), page);
                assertSignedIn(organizer);
            }
            assertEquals(session, organizer.cookie("EVENTOS_SESSION"), "one session all along");

            RawHttp.Response signOut = TestUsers.post(organizer, "/app/index.xhtml", "logout-form",
                    Map.of("logout-form:logout", "Sign out"), Map.of());
            assertEquals(302, signOut.status(), signOut.body());
            assertEquals(200, organizer.get(EVENT_PAGE, Map.of()).status());
            assertEquals(302, organizer.get("/app/index.xhtml", Map.of()).status(), "signed out stays signed out");
        } finally {
            TestUsers.leaveDemo(user);
        }
    }

    /** The dashboard answers and its header names the user ("Tess open-paths", TestUsers.create). */
    private static void assertSignedIn(RawHttp organizer) {
        RawHttp.Response dashboard = organizer.get("/app/index.xhtml", Map.of());
        assertEquals(200, dashboard.status(), "the dashboard, signed in");
        assertTrue(TestUsers.text(dashboard.body()).contains("Tess open-paths"), "the header names the user");
    }
}

package io.eventos.testing;

/**
 * The demo account's logins, one per role (written by {@code demo.DemoDataWriter}), for a browser test to sign in as
 * a role ({@link BrowserTest#signInAs}). Tests that change a user's password, sessions or two-factor use a user of
 * their own instead ({@link TestUsers}): these logins are shared by every test on the test server.
 */
public enum DemoLogin {

    OWNER("owner@demo.eventos.test", "demo-owner-2026"),
    ADMIN("admin@demo.eventos.test", "demo-admin-2026"),
    MANAGER("manager@demo.eventos.test", "demo-manager-2026"),
    MEMBER("member@demo.eventos.test", "demo-member-2026"),
    VIEWER("viewer@demo.eventos.test", "demo-viewer-2026"),
    /** The door staff: a member limited to the summit. */
    DOORS("doors@demo.eventos.test", "demo-doors-2026");

    private final String email;
    private final String password;

    DemoLogin(String email, String password) {
        this.email = email;
        this.password = password;
    }

    public String email() {
        return email;
    }

    public String password() {
        return password;
    }
}

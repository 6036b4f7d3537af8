/**
 * The harness the tests share, no tests of its own: the embedded test database ({@code TestDatabase}), the shared
 * test server with the demo account and its mailbox ({@code TestServer}, {@code TestMail}), the base of every browser
 * test ({@code BrowserTest}, {@code Browser}), plain HTTP ({@code RawHttp}), users of a test's own and signing in
 * ({@code TestUsers}), the one in-container deployment ({@code InContainer}, {@code SuiteDeployment},
 * {@code OneDeployment}) and fixtures that tests of several contexts use ({@code PublicEventFixture}). Cross-cutting,
 * so not under a context.
 */
package io.eventos.testing;

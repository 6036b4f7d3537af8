/**
 * Accounts (the tenants), users and their logins, memberships with roles (owner &gt; admin &gt; manager &gt; member
 * &gt; viewer) and invitations, plus the one record of every business action.
 * <p>Tables: {@code accounts} and {@code users} (global), {@code account_users}, {@code invitations},
 * {@code audit_log} (who did what, when, before/after; feeds the CRM timeline, notifications and webhooks) and
 * {@code outbox} (messages delivered after the audited transaction commits).
 */
package io.eventos.account;

/**
 * Tenant isolation through the services of every context ({@code TenantIsolationIT}) and the writer of accounts that
 * the in-container tests of all contexts start from ({@code IsolationFixtures}). Cross-cutting, so not under a
 * context; row level security in PostgreSQL's catalog is {@code platform.persistence.RowLevelSecurityCatalogIT}.
 */
package io.eventos.isolation;

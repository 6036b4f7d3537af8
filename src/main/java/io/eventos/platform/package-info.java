/**
 * Shared plumbing with no business rules: tenancy (binding the current account per thread and per database
 * transaction, failing closed when none is bound), persistence (the {@code TenantEntity} base class, enum converters),
 * security, web filters and Faces helpers, configuration, mail and PDF/QR rendering. It imports no other context.
 */
package io.eventos.platform;

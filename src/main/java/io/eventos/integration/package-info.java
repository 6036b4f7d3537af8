/**
 * Connections to other systems: API keys for the REST API, outgoing (signed) webhooks and third-party service
 * credentials, with secrets encrypted at rest.
 * <p>Tables: {@code integrations}.
 */
package io.eventos.integration;

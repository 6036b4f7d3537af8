/**
 * In-app notifications for team members, derived from audit entries.
 * <p>Tables: {@code notifications}.
 */
package io.eventos.notification;

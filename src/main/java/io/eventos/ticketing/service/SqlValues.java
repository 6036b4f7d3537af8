package io.eventos.ticketing.service;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Values of native query rows as Java types (the driver answers timestamptz and counts in more than one type). */
final class SqlValues {

    private SqlValues() {
    }

    /** A timestamptz column as an instant; null stays null. */
    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return (Instant) value;
    }

    /** A count or sum; null (no rows) is 0. */
    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}

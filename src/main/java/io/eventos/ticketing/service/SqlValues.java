package io.eventos.ticketing.service;

import java.time.Instant;

/** Values of native query rows as Java types: {@link io.eventos.platform.persistence.SqlValues}, by its short name. */
final class SqlValues {

    private SqlValues() {
    }

    static Instant instant(Object value) {
        return io.eventos.platform.persistence.SqlValues.instant(value);
    }

    static long number(Object value) {
        return io.eventos.platform.persistence.SqlValues.number(value);
    }
}

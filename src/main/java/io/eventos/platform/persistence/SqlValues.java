package io.eventos.platform.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Values of native query rows as Java types (the driver answers timestamptz and counts in more than one type). */
public final class SqlValues {

    private SqlValues() {
    }

    /** A timestamptz column as an instant; null stays null. */
    public static Instant instant(Object value) {
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
    public static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /**
     * The counts or sums of a one-row result ({@code getSingleResult()}: the value itself for one column, an array for
     * several), in column order; null is 0.
     */
    public static long[] numbers(Object singleRow) {
        Object[] row = singleRow instanceof Object[] columns ? columns : new Object[] {singleRow};
        long[] numbers = new long[row.length];
        for (int i = 0; i < row.length; i++) {
            numbers[i] = number(row[i]);
        }
        return numbers;
    }

    /** A uuid column; null stays null. */
    public static UUID uuid(Object value) {
        return value == null ? null : value instanceof UUID id ? id : UUID.fromString(value.toString());
    }
}

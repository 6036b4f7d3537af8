package io.eventos.platform.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Several writes of one transaction sent to PostgreSQL as one statement: each part becomes a data-modifying
 * {@code WITH} query in front of the last one, so the server runs them all in one round trip and one executor run
 * instead of one each (used for the records every checkout step leaves: audit entry, analytics fact, CRM contact and
 * activity). Parts are SQL with {@code ?} placeholders in the order of their values (no other question marks); a
 * later part may read an earlier part's {@code RETURNING} rows by its name. All parts see the same snapshot, so a part
 * sees what another part writes only through that part's {@code RETURNING}; each part's rows are checked by the
 * table's row level security policy as usual.
 */
public final class OneStatement {

    /** One write (or the last statement), with the values of its placeholders in order. */
    public record Part(String sql, List<Object> values) {

        public Part(String sql, Object... values) {
            this(sql, Arrays.asList(values));
        }
    }

    private final StringBuilder with = new StringBuilder();
    private final List<Object> values = new ArrayList<>();

    /** Adds a write named {@code name} (an SQL identifier). */
    public OneStatement add(String name, Part part) {
        with.append(with.isEmpty() ? "with " : ",\n").append(name).append(" as (").append(number(part)).append(')');
        return this;
    }

    /** The whole statement, ending with {@code last} (which may select from the parts by name), ready to run. */
    public Query query(EntityManager em, Part last) {
        Query query = em.createNativeQuery(sql(last));
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 1, values.get(i));
        }
        return query;
    }

    /** The statement's text ending with {@code last}; its values are then {@link #values()}. */
    String sql(Part last) {
        return (with.isEmpty() ? "" : with + "\n") + number(last);
    }

    /** The values of the placeholders so far, {@code ?1} first. */
    List<Object> values() {
        return Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** Turns the part's {@code ?} into {@code ?n}, numbered after the parts before it, and keeps its values. */
    private String number(Part part) {
        StringBuilder numbered = new StringBuilder(part.sql().length() + 16);
        int used = 0;
        String sql = part.sql();
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '?' && i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1))) {
                throw new IllegalArgumentException("numbered placeholder at " + i + " (parts use plain ?): " + sql);
            }
            if (c == '?') {
                used++;
                numbered.append('?').append(values.size() + used);
            } else {
                numbered.append(c);
            }
        }
        if (used != part.values().size()) {
            throw new IllegalArgumentException(used + " placeholders but " + part.values().size() + " values in: "
                    + part.sql());
        }
        values.addAll(part.values());
        return numbered.toString();
    }
}

package io.eventos.platform.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.io.Serializable;
import java.sql.Timestamp;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many rows an organizer list has, at a cost that does not grow with the list (issue 18): counted exactly up to
 * {@value #EXACT_UP_TO} rows when the planner says counting them is cheap; otherwise the planner's estimate for the
 * same filters (V40's {@code planned}), which the page shows as "about ..." — an exact count of 200,000 orders or a
 * million audit entries reads every one of them on every page turn, and so does counting the 4,000 pending orders of
 * an event whose status no index holds. One statement either way.
 *
 * <p>Paging works with an estimate: {@link #window} reads a page near the end from the end (the order reversed), so the
 * last page shows the real last rows whatever the estimate said.
 */
public record ListTotal(long rows, boolean estimated) implements Serializable {

    /** Up to this many rows a list's total is exact. */
    public static final int EXACT_UP_TO = 10_000;

    /**
     * The most an exact count may cost, in the planner's units (its estimate for reading up to
     * {@value #EXACT_UP_TO} + 1 matching rows). Measured on the 1,000,000-order benchmark account (docs/benchmarks.md,
     * "Organizer lists at scale"): counts the indexes answer cost 30–17,000 (1–30 ms); the status "pending" and a ticket
     * type among an event's 200,000 orders cost 34,000–53,000 (130–200 ms).
     */
    static final double COUNT_BUDGET = 25_000;

    private static final Pattern PARAMETER = Pattern.compile("\\?(\\d+)");

    /**
     * The total of {@code select 1 from ... where ...} ({@code fromWhere} without the {@code select}) with its
     * positional parameters ({@code ?1}, {@code ?2}, ...). The count runs only when the planner prices reading its
     * rows (at most {@value #EXACT_UP_TO} + 1 of them: the plan's cost scaled to that share of its rows) within
     * {@link #COUNT_BUDGET}; PostgreSQL evaluates the sub-select of the {@code case} only when its branch is taken.
     */
    public static ListTotal count(EntityManager em, String fromWhere, Map<Integer, Object> parameters) {
        int estimate = parameters.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        Query query = em.createNativeQuery("select case when p.cost * least(1, " + (EXACT_UP_TO + 1)
                + ".0 / greatest(p.rows, 1)) <= " + COUNT_BUDGET + " then (select count(*) from (select 1 " + fromWhere
                + " limit " + (EXACT_UP_TO + 1) + ") x) end, p.rows from planned(?" + estimate + ") p");
        parameters.forEach(query::setParameter);
        query.setParameter(estimate, "select 1 " + inline(fromWhere, parameters));
        Object[] row = (Object[]) query.getSingleResult();
        long planned = SqlValues.number(row[1]);
        if (row[0] == null) { // too dear to count
            return new ListTotal(planned, true);
        }
        long exact = SqlValues.number(row[0]);
        if (exact <= EXACT_UP_TO) {
            return new ListTotal(exact, false);
        }
        // the planner may think there are fewer than the counted EXACT_UP_TO + 1
        return new ListTotal(Math.max(exact, planned), true);
    }

    /**
     * The planner's estimate of how many rows each of {@code queries} returns ({@code select ...} with positional
     * parameters from {@code parameters}), in one statement: V40's {@code planned}, so under the caller's tenant
     * binding. Nothing is read but the statistics.
     */
    public static long[] estimates(EntityManager em, Map<Integer, Object> parameters, String... queries) {
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 1; i <= queries.length; i++) {
            sql.append(i == 1 ? "" : ", ").append("(select p.rows from planned(?").append(i).append(") p)");
        }
        Query query = em.createNativeQuery(sql.toString());
        for (int i = 1; i <= queries.length; i++) {
            query.setParameter(i, inline(queries[i - 1], parameters));
        }
        return SqlValues.numbers(query.getSingleResult());
    }

    /** "1,234 orders", "about 170,000 orders" (an estimate is rounded to two digits), "1 order", "No orders". */
    public String words(String one, String many) {
        if (rows == 0) {
            return "No " + many;
        }
        NumberFormat format = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        if (!estimated) {
            return format.format(rows) + " " + (rows == 1 ? one : many);
        }
        long unit = (long) Math.pow(10, Math.max(0, String.valueOf(rows).length() - 2));
        return "about " + format.format(Math.round(rows / (double) unit) * unit) + " " + many;
    }

    /**
     * Which rows to read for the page at {@code first} of {@code size}: from the start ({@code offset} rows skipped in
     * the list's order) or, when the page is nearer the end, from the end (the order reversed, {@code offset} rows
     * skipped from the end, the rows read turned round again). Either way no page skips more than half the list.
     */
    public Window window(long first, int size) {
        long start = Math.max(0, first);
        if (rows <= 0 || start + size / 2 < rows / 2) {
            return new Window(false, start, size);
        }
        long fromEnd = rows - start - size; // rows after the page
        if (fromEnd < 0) { // the last page, maybe shorter: what is left
            return new Window(true, 0, (int) Math.max(1, Math.min(size, rows - start)));
        }
        return new Window(true, fromEnd, size);
    }

    /** See {@link #window}: {@code reversed} means order the other way round, skip {@code offset}, reverse the rows. */
    public record Window(boolean reversed, long offset, int limit) {
    }

    /**
     * The statement with its parameters written in as literals, for EXPLAIN inside {@code planned} (which cannot
     * take parameters). Text is written as an escape string with quotes and backslashes doubled, so a value never ends
     * its literal whatever the server's standard_conforming_strings; other types are written by Java.
     */
    static String inline(String sql, Map<Integer, Object> parameters) {
        Map<Integer, Object> sorted = new TreeMap<>(parameters);
        Matcher m = PARAMETER.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int index = Integer.parseInt(m.group(1));
            if (!sorted.containsKey(index)) {
                throw new IllegalArgumentException("No value for ?" + index);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(literal(sorted.get(index))));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String literal(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String text;
        if (value instanceof Timestamp ts) {
            text = ts.toInstant().toString();
        } else if (value instanceof OffsetDateTime || value instanceof Instant || value instanceof UUID) {
            text = value.toString();
        } else {
            text = value.toString();
        }
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("A NUL character cannot be part of a statement");
        }
        // an escape string (E'...') with backslashes and quotes both doubled: a value never ends its literal, whatever
        // the server's standard_conforming_strings
        return "E'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}

package io.eventos.platform.web;

import io.eventos.platform.persistence.CountedPage;
import io.eventos.platform.persistence.ListTotal;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A PrimeFaces lazy table over a service's total and page (docs/architecture.md, "Organizer lists at scale"): the
 * count asks for the {@link ListTotal} (exact up to 10,000, an estimate above) and keeps it for the page and for the
 * table's header; the page gets the sort column PrimeFaces asks for (null when none) and its direction; rows are
 * keyed by their id. The page bean's filters live in the bean; the two lambdas read them.
 * <p>
 * A list that can read its first page and exact total in one statement (a search that reads all its matches to sort
 * them anyway) adds {@link #withFirstPage}: PrimeFaces asks for the total before every page, so the total's request
 * then reads that page too, and the first page's load that follows takes it instead of reading it again.
 */
public final class LazyList<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** Counts the rows of the bean's current filters. */
    @FunctionalInterface
    public interface Total extends Serializable {
        ListTotal count();
    }

    /** One page of the rows; {@code sortField} is null when the table is not sorted by a column. */
    @FunctionalInterface
    public interface Page<T> extends Serializable {
        List<T> rows(ListTotal total, int first, int pageSize, String sortField, boolean ascending);
    }

    /** The first page ({@code pageSize} rows) with the exact total, or null when they must be read apart. */
    @FunctionalInterface
    public interface FirstPage<T> extends Serializable {
        CountedPage<T> read(int pageSize);
    }

    /** A row's id, its key in the table. */
    @FunctionalInterface
    public interface Key<T> extends Serializable {
        Object of(T row);
    }

    private final Total total;
    private final Page<T> page;
    private final Key<T> key;
    private ListTotal counted = new ListTotal(0, false);
    private FirstPage<T> firstPage;
    private int firstPageSize;
    /** The first page read with the total, for the load that follows it; null once taken or not read. */
    private transient List<T> firstRows;

    public LazyList(Total total, Page<T> page, Key<T> key) {
        this.total = total;
        this.page = page;
        this.key = key;
    }

    /**
     * Reads the total with the first page when {@code firstPage} can (the table's rows per page: {@code pageSize}); an
     * unsorted first page of that size is then not read again.
     */
    public LazyList<T> withFirstPage(int pageSize, FirstPage<T> firstPage) {
        this.firstPageSize = pageSize;
        this.firstPage = firstPage;
        return this;
    }

    @Override
    public int count(Map<String, FilterMeta> filters) {
        firstRows = null;
        CountedPage<T> both = firstPage == null ? null : firstPage.read(firstPageSize);
        if (both != null) {
            counted = both.total();
            firstRows = both.rows();
        } else {
            counted = total.count();
        }
        return (int) Math.min(Integer.MAX_VALUE, counted.rows());
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
        SortMeta by = sort == null || sort.isEmpty() ? null : sort.values().iterator().next();
        List<T> read = firstRows;
        firstRows = null;
        if (read != null && first == 0 && pageSize == firstPageSize && by == null) {
            return read;
        }
        return page.rows(counted, first, pageSize, by == null ? null : by.getField(),
                by != null && by.getOrder() == SortOrder.ASCENDING);
    }

    @Override
    public String getRowKey(T row) {
        return String.valueOf(key.of(row));
    }

    /** The total as last counted ("1,234 orders" or "about 170,000 orders"). */
    public ListTotal total() {
        return counted;
    }
}

package io.eventos.platform.web;

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

    /** A row's id, its key in the table. */
    @FunctionalInterface
    public interface Key<T> extends Serializable {
        Object of(T row);
    }

    private final Total total;
    private final Page<T> page;
    private final Key<T> key;
    private ListTotal counted = new ListTotal(0, false);

    public LazyList(Total total, Page<T> page, Key<T> key) {
        this.total = total;
        this.page = page;
        this.key = key;
    }

    @Override
    public int count(Map<String, FilterMeta> filters) {
        counted = total.count();
        return (int) Math.min(Integer.MAX_VALUE, counted.rows());
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
        SortMeta by = sort == null || sort.isEmpty() ? null : sort.values().iterator().next();
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

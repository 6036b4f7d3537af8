package io.eventos.platform.persistence;

import java.io.Serializable;
import java.util.List;

/**
 * A list's first page with its total, read by one statement (a search that reads all its matches to sort them anyway
 * counts them on the way; {@code platform.web.LazyList} then skips the separate total).
 */
public record CountedPage<T>(List<T> rows, ListTotal total) implements Serializable {

    public CountedPage {
        rows = List.copyOf(rows);
    }
}

package io.eventos.platform.web;

import io.eventos.platform.persistence.CountedPage;
import io.eventos.platform.persistence.ListTotal;
import org.junit.jupiter.api.Test;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a lazy list reads for PrimeFaces' "total, then page" (issue 18): with {@link LazyList#withFirstPage} the first
 * page read with the total is shown as it is, not read a second time; any other page, size or sort is read apart.
 */
class LazyListTest {

    private final List<String> reads = new ArrayList<>();

    private LazyList<String> list(CountedPage<String> both) {
        return new LazyList<String>(() -> {
            reads.add("total");
            return new ListTotal(120, false);
        }, (total, first, size, field, ascending) -> {
            reads.add("page " + first + (field == null ? "" : " by " + field));
            return List.of("row " + first);
        }, row -> row).withFirstPage(50, size -> {
            reads.add("first page of " + size + " with the total");
            return both;
        });
    }

    @Test
    void theFirstPageReadWithItsTotalIsNotReadAgain() {
        LazyList<String> list = list(new CountedPage<>(List.of("Ada", "Grace"), new ListTotal(2, false)));
        assertEquals(2, list.count(Map.of()));
        assertEquals(List.of("Ada", "Grace"), list.load(0, 50, Map.of(), Map.of()));
        assertEquals(List.of("first page of 50 with the total"), reads);
        assertEquals("2 tickets", list.total().words("ticket", "tickets"));
    }

    @Test
    void anotherPageOrASortedFirstPageIsReadApart() {
        LazyList<String> list = list(new CountedPage<>(List.of("Ada"), new ListTotal(80, false)));
        list.count(Map.of());
        assertEquals(List.of("row 50"), list.load(50, 50, Map.of(), Map.of()));
        list.count(Map.of());
        Map<String, SortMeta> byName = Map.of("name", SortMeta.builder().field("name").order(SortOrder.ASCENDING).build());
        assertEquals(List.of("row 0"), list.load(0, 50, byName, Map.of()));
        assertEquals(List.of("first page of 50 with the total", "page 50", "first page of 50 with the total",
                "page 0 by name"), reads);
    }

    @Test
    void whenTheFirstPageCannotComeWithItsTotalBothAreReadApart() {
        LazyList<String> list = list(null);
        assertEquals(120, list.count(Map.of()));
        assertEquals(List.of("row 0"), list.load(0, 50, Map.of(), Map.of()));
        assertEquals(List.of("first page of 50 with the total", "total", "page 0"), reads);
    }
}

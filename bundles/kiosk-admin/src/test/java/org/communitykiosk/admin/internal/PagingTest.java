package org.communitykiosk.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import org.communitykiosk.admin.internal.Paging.Page;
import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void offsetsOfPages() {
        assertEquals(0, Paging.offset(0, 20));
        assertEquals(20, Paging.offset(1, 20));
        assertEquals(60, Paging.offset(3, 20));
        assertEquals(0, Paging.offset(-1, 20));
        assertEquals(Integer.MAX_VALUE, Paging.offset(Integer.MAX_VALUE, 20));
    }

    @Test
    void aPageIsReadWithOneRowMore() {
        assertEquals(21, Paging.probeSize(20));
        assertEquals(2, Paging.probeSize(1));
        assertThrows(IllegalArgumentException.class, () -> Paging.probeSize(0));
    }

    @Test
    void theExtraRowMeansThereIsANextPageAndIsNotShown() {
        Page<Integer> full = Paging.page(0, 20, rows(21));
        assertEquals(rows(20), full.items());
        assertTrue(full.hasNext());
        assertFalse(full.hasPrevious());
        assertEquals(1, full.number());

        Page<Integer> last = Paging.page(2, 20, rows(20));
        assertEquals(20, last.items().size());
        assertFalse(last.hasNext());
        assertTrue(last.hasPrevious());
        assertEquals(3, last.number());

        Page<Integer> empty = Paging.page(0, 20, List.of());
        assertTrue(empty.isEmpty());
        assertFalse(empty.hasNext());
    }

    @Test
    void pageCountsForKnownTotals() {
        assertEquals(1, Paging.pageCount(0, 20));
        assertEquals(1, Paging.pageCount(1, 20));
        assertEquals(1, Paging.pageCount(20, 20));
        assertEquals(2, Paging.pageCount(21, 20));
        assertEquals(3, Paging.pageCount(45, 20));
        assertEquals(107374183, Paging.pageCount(Integer.MAX_VALUE, 20));
    }

    @Test
    void clampKeepsTheIndexWithinThePages() {
        assertEquals(0, Paging.clamp(-3, 45, 20));
        assertEquals(2, Paging.clamp(2, 45, 20));
        assertEquals(2, Paging.clamp(9, 45, 20));
        assertEquals(0, Paging.clamp(4, 0, 20));
    }

    private static List<Integer> rows(int count) {
        return IntStream.range(0, count).boxed().toList();
    }
}

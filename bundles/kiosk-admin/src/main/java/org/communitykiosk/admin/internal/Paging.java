package org.communitykiosk.admin.internal;

import java.util.List;

/**
 * Page arithmetic for lists read one page at a time. The directory and the audit log have no count for a filtered
 * query, so a page is read with one extra row: if it arrives, there is a next page. Page indexes start at 0; people
 * see page numbers starting at 1.
 */
final class Paging {

    private Paging() {
    }

    /** Offset of the first row of a page; never negative, never overflows. */
    static int offset(int index, int size) {
        requireSize(size);
        long offset = (long) Math.max(0, index) * size;
        return (int) Math.min(offset, Integer.MAX_VALUE);
    }

    /** How many rows to ask for: one more than a page, to learn whether there is a next page. */
    static int probeSize(int size) {
        requireSize(size);
        return size == Integer.MAX_VALUE ? size : size + 1;
    }

    /** Number of pages for a known total; an empty list still has one (empty) page. */
    static int pageCount(int total, int size) {
        requireSize(size);
        return total <= 0 ? 1 : (total - 1) / size + 1;
    }

    /** The page index kept within the pages a known total has. */
    static int clamp(int index, int total, int size) {
        return Math.max(0, Math.min(index, pageCount(total, size) - 1));
    }

    /** The page made of rows read with {@link #probeSize(int)}. */
    static <T> Page<T> page(int index, int size, List<T> fetched) {
        requireSize(size);
        boolean hasNext = fetched.size() > size;
        return new Page<>(Math.max(0, index), size, hasNext ? fetched.subList(0, size) : fetched, hasNext);
    }

    private static void requireSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a page has at least one row: " + size);
        }
    }

    /**
     * One page of rows.
     *
     * @param index 0 for the first page
     * @param items the rows of this page, at most {@code size}
     * @param hasNext whether at least one more row follows
     */
    record Page<T>(int index, int size, List<T> items, boolean hasNext) {

        Page {
            items = List.copyOf(items);
        }

        boolean hasPrevious() {
            return index > 0;
        }

        /** The page number people see. */
        int number() {
            return index + 1;
        }

        boolean isEmpty() {
            return items.isEmpty();
        }
    }
}

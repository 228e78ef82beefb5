package org.shahid.reports;

import java.util.List;

/**
 * One table of the transparency report: a key for machines ({@code reports_by_status}), a title for people, column
 * keys, and rows of cells already past small-cell suppression. Immutable.
 */
public record ReportSection(String key, String title, List<String> columns, List<Row> rows) {

    public record Row(String label, List<Cell> cells) {
    }

    /** A printed value: a number, a suppressed count ({@code <5}), a figure withheld, or nothing to say. */
    public record Cell(String text, Kind kind) {

        enum Kind { NUMBER, TEXT, SUPPRESSED, WITHHELD, EMPTY }

        static final Cell WITHHELD = new Cell("not published", Kind.WITHHELD);
        static final Cell EMPTY = new Cell("-", Kind.EMPTY);

        static Cell number(String text) {
            return new Cell(text, Kind.NUMBER);
        }

        /** A word or name in a table, such as an actor's group. */
        static Cell text(String text) {
            return new Cell(text, Kind.TEXT);
        }
    }
}

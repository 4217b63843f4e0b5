package dev.airlock.appliance.cli;

import dev.airlock.formats.outside.OutsideText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one renderer for listings: a column spec gives the header row and each row (fixed widths, outside
 * text escaped through {@link OutsideText#shown}), an optional "N things" count line, and for
 * {@code --json} the same rows through {@link Json}.
 */
final class Table<T> {
    /** One column: its header, width (0: as wide as its text), alignment and how a row's cell is written. */
    private record Column<T>(String separator, String header, int width, boolean right, boolean outside,
            boolean clipped, Function<? super T, ?> cell) {
        String format() {
            return separator.replace("%", "%%") + (width == 0 ? "%s" : right ? "%" + width + "s" : "%-" + width + "s");
        }

        String text(T row) {
            String s = String.valueOf(cell.apply(row));
            if (outside) {
                s = OutsideText.shown(s);
            }
            return clipped && s.length() > width ? s.substring(0, width - 1) + "…" : s;
        }
    }

    private final List<Column<T>> columns;
    private final String indent;
    private final boolean header;
    private final Optional<String> noun;
    private final Optional<Function<? super T, ?>> json;
    private final Optional<String> gap;

    private Table(List<Column<T>> columns, String indent, boolean header, Optional<String> noun,
            Optional<Function<? super T, ?>> json, Optional<String> gap) {
        this.columns = List.copyOf(columns);
        this.indent = indent;
        this.header = header;
        this.noun = noun;
        this.json = json;
        this.gap = gap;
    }

    /** A table with a header row. */
    static <T> Table<T> withHeader() {
        return new Table<>(List.of(), "", true, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Rows only, each line starting with {@code indent}. */
    static <T> Table<T> rowsOnly(String indent) {
        return new Table<>(List.of(), indent, false, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Ends the listing with "N {@code noun}s" ("1 MAK", "2 MAKs"). */
    Table<T> counting(String noun) {
        return new Table<>(columns, indent, header, Optional.of(noun), json, gap);
    }

    /** What {@code --json} prints for each row (default: the row itself). */
    Table<T> json(Function<? super T, ?> jsonRow) {
        return new Table<>(columns, indent, header, noun, Optional.of(jsonRow), gap);
    }

    /** A column of the appliance's own text, left-aligned in {@code width}. */
    Table<T> col(String header, int width, Function<? super T, ?> cell) {
        return add(header, width, false, false, false, cell);
    }

    /** A column of the appliance's own text, right-aligned in {@code width}. */
    Table<T> right(String header, int width, Function<? super T, ?> cell) {
        return add(header, width, true, false, false, cell);
    }

    /** A column of outside text (names, labels, file names): escaped, left-aligned in {@code width}. */
    Table<T> text(String header, int width, Function<? super T, String> cell) {
        return add(header, width, false, true, false, cell);
    }

    /** Outside text cut to {@code width} with an ellipsis when longer. */
    Table<T> clipped(String header, int width, Function<? super T, String> cell) {
        return add(header, width, false, true, true, cell);
    }

    /** The text before the next column (default one space); after the last column, the text that ends each line. */
    Table<T> gap(String separator) {
        return new Table<>(columns, indent, header, noun, json, Optional.of(separator));
    }

    /** Prints the header row (when this table has one). */
    void header(PrintWriter out) {
        if (header) {
            out.printf(format(), columns.stream().map(Column::header).toArray());
        }
    }

    /** Prints one row. */
    void row(PrintWriter out, T row) {
        out.printf(format(), columns.stream().map(c -> c.text(row)).toArray());
    }

    /** Prints the count line (when {@link #counting}). */
    void count(PrintWriter out, long n) {
        noun.ifPresent(w -> out.printf("%d %s%s%n", n, w, Words.s(n)));
    }

    /** Prints the rows as JSON when {@code json}, else header, rows and count line. */
    void print(PrintWriter out, boolean asJson, List<? extends T> rows) {
        if (asJson) {
            Function<? super T, ?> f = json.orElse(r -> r);
            Json.print(out, rows.stream().map(f).toList());
            return;
        }
        header(out);
        rows.forEach(r -> row(out, r));
        count(out, rows.size());
    }

    private Table<T> add(String header, int width, boolean right, boolean outside, boolean clipped,
            Function<? super T, ?> cell) {
        List<Column<T>> more = new ArrayList<>(columns);
        more.add(new Column<>(columns.isEmpty() ? indent : gap.orElse(" "), header, width, right, outside, clipped,
                cell));
        return new Table<>(more, indent, this.header, noun, json, Optional.empty());
    }

    private String format() {
        StringBuilder f = new StringBuilder();
        columns.forEach(c -> f.append(c.format()));
        return f.append(gap.orElse("").replace("%", "%%")).append("%n").toString();
    }
}

package dev.airlock.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The one listing renderer: exact bytes for header, padding, escaping, clipping, count line and JSON. */
class TableTest {
    private record Row(long id, String name, String state) {}

    private static final Table<Row> TABLE = Table.<Row>withHeader()
            .col("ID", 4, Row::id)
            .clipped("NAME", 8, Row::name)
            .right("N", 3, r -> r.name().length())
            .gap("  ").col("STATE", 0, Row::state)
            .counting("row");

    private static String printed(Consumer<PrintWriter> body) {
        StringWriter s = new StringWriter();
        try (PrintWriter out = new PrintWriter(s)) {
            body.accept(out);
        }
        return s.toString().replace(System.lineSeparator(), "\n");
    }

    @Test
    void print_padsEachColumn_clipsLongText_andCountsTheRows() {
        String text = printed(out -> TABLE.print(out, false, List.of(new Row(7, "short", "NEW"),
                new Row(12, "a much longer name", "OLD"))));
        assertThat(text).isEqualTo("""
                ID   NAME       N  STATE
                7    short      5  NEW
                12   a much …  18  OLD
                2 rows
                """);
    }

    @Test
    void print_ofOneRow_saysTheNounInTheSingular() {
        assertThat(printed(out -> TABLE.print(out, false, List.of(new Row(1, "x", "S"))))).endsWith("\n1 row\n");
    }

    @Test
    void outsideText_isEscaped_beforeItIsPadded() {
        Table<String> t = Table.<String>rowsOnly("  ").text("TEXT", 0, s -> s).col("END", 0, s -> "|");
        assertThat(printed(out -> t.row(out, "a\u202Eb"))).isEqualTo("  a\\u202eb |\n");
    }

    @Test
    void gapAfterTheLastColumn_endsEachLine() {
        Table<String> t = Table.<String>rowsOnly("").col("A", 0, s -> s).gap(" (").text("B", 0, s -> "50%").gap(")");
        assertThat(printed(out -> t.row(out, "x"))).isEqualTo("x (50%)\n");
    }

    @Test
    void print_asJson_writesTheJsonRows_andNoTable() {
        String json = printed(out -> TABLE.json(r -> r.id()).print(out, true, List.of(new Row(3, "n", "S"))));
        assertThat(json.replaceAll("\\s", "")).isEqualTo("[3]");
    }
}

package dev.airlock.appliance.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {
    final List<String> codes = new ArrayList<>();
    final List<Integer> tooLong = new ArrayList<>();
    final LineSplitter splitter = new LineSplitter(10, codes::add, tooLong::add);

    void feed(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        splitter.accept(b, b.length);
    }

    @Test
    void split_onCrLfOrCrLf_ignoresEmptyLines() {
        feed("123\r\n456\r789\n\n\r\r\nabc");
        assertEquals(List.of("123", "456", "789"), codes);
        feed("\r");
        assertEquals(List.of("123", "456", "789", "abc"), codes);
    }

    @Test
    void split_codeAcrossReads_arrivesWhole() {
        feed("12");
        feed("34");
        feed("\r");
        feed("\n5");
        feed("6\n");
        assertEquals(List.of("1234", "56"), codes);
    }

    @Test
    void split_tooLongLine_isDroppedAndReadingGoesOn() {
        feed("1234567890\n"); // exactly the limit: kept
        feed("12345678901234\r\n");
        feed("ok\n");
        assertEquals(List.of("1234567890", "ok"), codes);
        assertEquals(List.of(14), tooLong);
    }

    @Test
    void split_utf8_isDecodedPerLine() {
        byte[] b = "é€\n".getBytes(StandardCharsets.UTF_8);
        splitter.accept(new byte[] {b[0]}, 1); // a character split across two reads
        splitter.accept(java.util.Arrays.copyOfRange(b, 1, b.length), b.length - 1);
        assertEquals(List.of("é€"), codes);
    }
}

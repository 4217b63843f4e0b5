package dev.airlock.formats.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.formats.ids.ApplicationId;
import dev.airlock.formats.ids.ExtendedProductId;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The ePID table (FORMAT.md, "ePID table"): pinned bytes of every delta form, and refusal of every other form. */
class EpidTableTest {
    static final ExtendedProductId A = BundleSamples.epid("03612-03308-000-000000-03-1033-9200.0000-0242016");
    /** 10 days after A. */
    static final ExtendedProductId B = BundleSamples.epid("03612-03308-000-000000-03-1033-9200.0000-0342016");
    /** The next year, day 5. */
    static final ExtendedProductId C = BundleSamples.epid("03612-03308-000-000000-03-1033-9200.0000-0052017");
    /** Another key serial, same date as C. */
    static final ExtendedProductId D = BundleSamples.epid("03612-03308-000-000001-03-1033-9200.0000-0052017");
    /** Another build (4 groups) and date. */
    static final ExtendedProductId E = BundleSamples.epid("03612-03308-000-000001-03-1033-9200.1.2.3-3662026");
    /** A 5-digit LCID. */
    static final ExtendedProductId F = BundleSamples.epid("03612-03308-000-000001-03-10330-9200.1.2.3-3662026");

    static final String PINNED = "06" // count
            + "30" + "03612a03308a000a000000a03a1033a9200b0000a0242016" // A: 48 nibbles
            + "12" // B: day + 10 -> (10 - 1) * 2 = 18
            + "15" // C: year + 1, day 5 -> (0 * 1000 + 5) * 4 + 1 = 21
            + "2301" // D: mask {part 4} -> 8 * 4 + 3 = 35; serial 1
            + "8306" + "04" + "83bf04" + "08" + "10" + "18" + "fed67b" // E: mask {build, date}; 4 groups; 2026366
            + "8301" + "b5a101"; // F: mask {LCID} -> 131; 10330 * 2 + 1 = 20661

    static byte[] write(List<ExtendedProductId> table) {
        WireWriter w = new WireWriter(64);
        EpidTable.write(w, table);
        return w.toByteArray();
    }

    static List<ExtendedProductId> read(byte[] bytes) throws MalformedBundleException {
        WireReader r = new WireReader(bytes, "request payload");
        List<ExtendedProductId> table = EpidTable.read(r, 100);
        r.end();
        return table;
    }

    /** A table of A followed by hand-written bytes. */
    static byte[] afterA(int count, String hex) {
        WireWriter w = new WireWriter(64);
        w.varint(count);
        w.nibbleText(A.toString());
        w.bytes(HexFormat.of().parseHex(hex));
        return w.toByteArray();
    }

    static String refusal(byte[] bytes) {
        try {
            read(bytes);
        } catch (MalformedBundleException e) {
            return e.getMessage();
        }
        throw new AssertionError("read a non-canonical ePID table");
    }

    @Test
    void everyForm_hasPinnedBytes_andReadsBack() throws Exception {
        List<ExtendedProductId> table = EpidTable.sorted(List.of(F, C, A, E, B, D, A));
        assertThat(table).containsExactly(A, B, C, D, E, F);
        assertThat(HexFormat.of().formatHex(write(table))).isEqualTo(PINNED);
        assertThat(read(HexFormat.of().parseHex(PINNED))).containsExactly(A, B, C, D, E, F);
    }

    @Test
    void sortKey_putsTheYearBeforeTheDay() {
        assertThat(EpidTable.sortKey(A)).isEqualTo("03612-03308-000-000000-03-1033-9200.0000-2016024");
        // day 5 of 2017 comes after day 34 of 2016
        assertThat(EpidTable.sorted(List.of(C, B))).containsExactly(B, C);
    }

    @Test
    void outOfOrder_orRepeated_isRefused() {
        // part 1 = 0: "00000-..." sorts before A
        assertThat(refusal(afterA(2, "0700"))).contains("ePID 1").contains("out of order");
        // after a day form (A's day + 1), again part 1 = 0
        assertThat(refusal(afterA(3, "00" + "0700"))).contains("ePID 2").contains("out of order");
    }

    @Test
    void longerFormWhereAShorterApplies_isRefused() {
        // mask with only the date bit: the day or year form applies
        assertThat(refusal(afterA(2, "8304" + "a2867b"))).contains("changes no part before the date");
    }

    @Test
    void storedPartEqualToThePrevious_isRefused() {
        // mask {part 1} with A's own platform 3612
        assertThat(refusal(afterA(2, "07" + "9c1c"))).contains("ePID 1 platform").contains("equals the previous");
        // mask {part 4, date} with A's own date 2016024
        assertThat(refusal(afterA(2, "a304" + "01" + "98867b"))).contains("install date").contains("equals the previous");
    }

    @Test
    void numbersOfTooManyDigits_areRefused() {
        // part 1 = 100000 (6 digits)
        assertThat(refusal(afterA(2, "07" + "a08d06"))).contains("at most 99999");
        // LCID flagged 4 digits but 10000
        assertThat(refusal(afterA(2, "8301" + "a09c01"))).contains("more than 4 digits");
        // build group of 7 digits
        assertThat(refusal(afterA(2, "8302" + "01" + "06"))).contains("has 7 digits");
        // build of 0 groups
        assertThat(refusal(afterA(2, "8302" + "00"))).contains("is 0");
        // mask bit above the date's
        assertThat(refusal(afterA(2, "8308"))).contains("has only 8");
        // a day past 999
        assertThat(refusal(afterA(2, "e40f"))).contains("past 999");
    }

    @Test
    void truncatedTable_isRefused() {
        byte[] full = HexFormat.of().parseHex(PINNED);
        for (int n = 0; n < full.length; n++) {
            byte[] cut = java.util.Arrays.copyOf(full, n);
            assertThatThrownBy(() -> read(cut)).as("cut at %d", n).isInstanceOf(MalformedBundleException.class);
        }
    }

    @Test
    void request_withAnEpidNoRecordOrQueryUses_isRefused() {
        byte[] p = request(w -> EpidTable.write(w, List.of(A, B)), w -> {
            w.varint(1);
            CanonicalDecodingTest.record(w, 1, 1); // ePID 0 only
            w.varint(0);
        });
        assertThatThrownBy(() -> RequestCodec.decode(p)).isInstanceOf(MalformedBundleException.class)
                .hasMessageContaining("ePID 1 is listed but no record or count query uses it");
    }

    @Test
    void request_recordsMayUseTheSortedTableInAnyOrder() throws Exception {
        byte[] p = request(w -> EpidTable.write(w, List.of(A, B)), w -> {
            w.varint(2);
            CanonicalDecodingTest.record(w, 1, 3); // ePID 1 first
            CanonicalDecodingTest.record(w, 2, 1);
            w.varint(0);
        });
        RequestBundle b = RequestCodec.decode(p);
        assertThat(b.epids()).containsExactly(A, B);
        assertThat(RequestCodec.encode(b)).isEqualTo(p);
    }

    private static byte[] request(Consumer<WireWriter> table, Consumer<WireWriter> rest) {
        WireWriter w = new WireWriter(256);
        w.bytes(BundleSamples.LAB_KEY.publicKey().id().bytes());
        w.bytes(new byte[16]);
        w.varint(1_700_000_000L);
        w.varint(1);
        Guids.writeSku(w, BundleSamples.WIN_PRO);
        Guids.writeApp(w, ApplicationId.WINDOWS);
        w.utf8("Windows(R), Professional edition");
        table.accept(w);
        rest.accept(w);
        return w.toByteArray();
    }
}

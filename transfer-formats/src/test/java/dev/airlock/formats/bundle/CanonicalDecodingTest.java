package dev.airlock.formats.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.formats.ids.ApplicationId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The payload decoders accept only what the encoders write; each refusal names what is wrong. */
class CanonicalDecodingTest {
    static final String IID63 = "123456123456712345671234567123456712345671234567123456712345671".substring(0, 63);
    static final String CID48 = "111112222223333334444445555556666667777778888889";

    /** A hand-built request payload: one product, one ePID, records as given by {@code body}. */
    static byte[] request(Consumer<WireWriter> records) {
        WireWriter w = new WireWriter(256);
        w.bytes(BundleSamples.LAB_KEY.publicKey().id().bytes());
        w.bytes(new byte[16]);
        w.varint(1_700_000_000L);
        w.varint(1);
        Guids.writeSku(w, BundleSamples.WIN_PRO);
        Guids.writeApp(w, ApplicationId.WINDOWS);
        w.utf8("Windows(R), Professional edition");
        w.varint(1);
        w.nibbleText(BundleSamples.EPID_WIN.toString());
        records.accept(w);
        return w.toByteArray();
    }

    static void record(WireWriter w, int ref, long slot) {
        w.int32(ref);
        w.varint(slot);
        w.digits(IID63, 27);
    }

    static MalformedBundleException requestFails(byte[] payload) {
        try {
            RequestCodec.decode(payload);
        } catch (MalformedBundleException e) {
            return e;
        }
        throw new AssertionError("decoded a payload that should be refused");
    }

    @Test
    void request_handBuiltCanonical_decodes() throws Exception {
        byte[] p = request(w -> {
            w.varint(2);
            record(w, 1, 1);
            record(w, 2, 1);
            w.varint(0);
        });
        RequestBundle b = RequestCodec.decode(p);
        assertThat(b.records()).hasSize(2);
        assertThat(RequestCodec.encode(b)).isEqualTo(p);
    }

    @Test
    void request_withTrailingByte_isRefused() {
        byte[] p = request(w -> {
            w.varint(1);
            record(w, 1, 1);
            w.varint(0);
            w.u8(0);
        });
        assertThat(requestFails(p)).hasMessageContaining("1 trailing byte(s)");
    }

    @Test
    void request_withPaddedVarint_isRefusedAsNonCanonical() {
        byte[] p = request(w -> {
            w.u8(0x81); // record count 1 written in two bytes
            w.u8(0x00);
            record(w, 1, 1);
            w.varint(0);
        });
        assertThat(requestFails(p)).hasMessageContaining("non-canonical varint");
    }

    @Test
    void request_withEpidIndexOutOfRange_isRefused() {
        byte[] p = request(w -> {
            w.varint(1);
            record(w, 1, 3); // ePID 1 of 1
            w.varint(0);
        });
        assertThat(requestFails(p)).hasMessageContaining("refers to ePID 1 but the bundle lists only 1");
    }

    @Test
    void request_withDuplicateReference_isRefused() {
        byte[] p = request(w -> {
            w.varint(2);
            record(w, 0x0a0b0c0d, 1);
            record(w, 0x0a0b0c0d, 1);
            w.varint(0);
        });
        assertThat(requestFails(p)).hasMessageContaining("repeats reference 0a0b0c0d");
    }

    @Test
    void request_withReferencesOutOfOrder_isRefused() {
        byte[] p = request(w -> {
            w.varint(2);
            record(w, 2, 1);
            record(w, 1, 1);
            w.varint(0);
        });
        assertThat(requestFails(p)).hasMessageContaining("out of order");
    }

    @Test
    void request_withIidOf64Digits_isRefused() {
        byte[] p = request(w -> {
            w.varint(1);
            w.int32(1);
            w.varint(1);
            byte[] big = new byte[27];
            Arrays.fill(big, (byte) 0xFF); // 2^216 - 1 has 66 digits
            w.bytes(big);
            w.varint(0);
        });
        assertThat(requestFails(p)).hasMessageContaining("record 0 IID").hasMessageContaining("at most 63 fit");
    }

    @Test
    void request_withShortIidFlagButLongIidBytes_isRefusedAsTrailingOrWrongLength() {
        byte[] p = request(w -> {
            w.varint(1);
            w.int32(1);
            w.varint(0); // says 54 digits (23 bytes) ...
            w.digits(IID63, 27); // ... but 27 follow
            w.varint(0);
        });
        assertThat(requestFails(p).getMessage()).containsAnyOf("at most 54 fit", "trailing", "count");
    }

    @Test
    void request_truncatedAtEveryByte_isRefused() {
        byte[] full = RequestCodec.encode(BundleSamples.request().bundle());
        List<Integer> accepted = new ArrayList<>();
        for (int n = 0; n < full.length; n++) {
            try {
                RequestCodec.decode(Arrays.copyOf(full, n));
                accepted.add(n);
            } catch (MalformedBundleException expected) {
                // refused, as it should be
            }
        }
        assertThat(accepted).as("truncated lengths that decoded").isEmpty();
    }

    @Test
    void request_withUnusedProduct_isRefused() {
        WireWriter w = new WireWriter(256);
        w.bytes(BundleSamples.LAB_KEY.publicKey().id().bytes());
        w.bytes(new byte[16]);
        w.varint(1_700_000_000L);
        w.varint(2);
        Guids.writeSku(w, BundleSamples.WIN_PRO);
        Guids.writeApp(w, ApplicationId.WINDOWS);
        w.utf8("A");
        Guids.writeSku(w, BundleSamples.OFFICE_PP);
        Guids.writeApp(w, ApplicationId.OFFICE);
        w.utf8("B");
        w.varint(1);
        w.nibbleText(BundleSamples.EPID_WIN.toString());
        w.varint(1);
        record(w, 1, 1);
        w.varint(0);
        assertThat(requestFails(w.toByteArray())).hasMessageContaining("product 1 is listed but no record uses it");
    }

    @Test
    void request_withSpelledOutWellKnownApplication_isRefused() {
        WireWriter w = new WireWriter(256);
        w.bytes(BundleSamples.LAB_KEY.publicKey().id().bytes());
        w.bytes(new byte[16]);
        w.varint(1_700_000_000L);
        w.varint(1);
        Guids.writeSku(w, BundleSamples.WIN_PRO);
        w.u8(0);
        w.bytes(Guids.bytes(ApplicationId.WINDOWS));
        w.utf8("A");
        w.varint(1);
        w.nibbleText(BundleSamples.EPID_WIN.toString());
        w.varint(1);
        record(w, 1, 1);
        w.varint(0);
        assertThat(requestFails(w.toByteArray())).hasMessageContaining("instead of using its code 1");
    }

    @Test
    void request_withBadEpidNibble_isRefused() {
        byte[] p = request(w -> {
            w.varint(1);
            record(w, 1, 1);
            w.varint(0);
        });
        // the ePID starts after key id 8, id 16, time 5, count 1, sku 16, app 1, name 1+32, count 1, length 1
        int at = 8 + 16 + 5 + 1 + 16 + 1 + 33 + 1 + 1;
        p[at] = (byte) 0xC0;
        assertThat(requestFails(p)).hasMessageContaining("invalid character code 12");
    }

    @Test
    void request_withHugeRecordCount_isRefusedBeforeAllocating() {
        byte[] p = request(w -> w.varint(19_999));
        assertThat(requestFails(p)).hasMessageContaining("record count").hasMessageContaining("truncated");
    }

    @Test
    void response_withCidOf49Digits_isRefused() {
        WireWriter w = responseHead();
        w.varint(1);
        w.int32(1);
        w.varint(0);
        byte[] big = new byte[20];
        Arrays.fill(big, (byte) 0xFF);
        w.bytes(big);
        w.varint(0);
        assertThatThrownBy(() -> ResponseCodec.decode(w.toByteArray()))
                .isInstanceOf(MalformedBundleException.class).hasMessageContaining("at most 48 fit");
    }

    @Test
    void response_withDuplicateReference_isRefused() {
        WireWriter w = responseHead();
        w.varint(2);
        for (int i = 0; i < 2; i++) {
            w.int32(5);
            w.varint(0);
            w.digits(CID48, 20);
        }
        w.varint(0);
        assertThatThrownBy(() -> ResponseCodec.decode(w.toByteArray()))
                .isInstanceOf(MalformedBundleException.class).hasMessageContaining("repeats reference 00000005");
    }

    @Test
    void response_withUnknownOutcome_isRefused() {
        WireWriter w = responseHead();
        w.varint(1);
        w.int32(5);
        w.varint(2);
        w.varint(0);
        assertThatThrownBy(() -> ResponseCodec.decode(w.toByteArray()))
                .isInstanceOf(MalformedBundleException.class).hasMessageContaining("answer 0 outcome");
    }

    @Test
    void keyCard_whoseKeyIdIsNotItsKey_isRefused() {
        byte[] p = BundleSamples.signedCard().payload();
        p[0] ^= 1;
        assertThatThrownBy(() -> KeyCardCodec.decode(p)).isInstanceOf(MalformedBundleException.class)
                .hasMessageContaining("is not the id of the key on the card");
    }

    private static WireWriter responseHead() {
        WireWriter w = new WireWriter(256);
        w.bytes(BundleSamples.GATEWAY_KEY.publicKey().id().bytes());
        w.bytes(new byte[16]);
        w.bytes(new byte[16]);
        w.bytes(HexFormat.of().parseHex("00".repeat(32)));
        w.varint(1_700_000_000L);
        return w;
    }
}

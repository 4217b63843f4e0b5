package dev.airlock.formats.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class DigitCodecTest {

    @Test
    void widths_areTheKnownTableAndDistinct() {
        int[] widths = new int[13];
        for (int k = 0; k <= 12; k++) {
            widths[k] = DigitCodec.digitsFor(k);
        }
        assertThat(widths).containsExactly(0, 3, 5, 8, 10, 13, 15, 17, 20, 22, 25, 27, 29);
        Set<Integer> distinct = new HashSet<>();
        Arrays.stream(widths).forEach(distinct::add);
        assertThat(distinct).hasSize(13);
    }

    @Test
    void encode_allOnesAndAllZeros_padToBlockWidth() {
        byte[] ones = new byte[13];
        Arrays.fill(ones, (byte) 0xff);
        StringBuilder out = new StringBuilder();
        DigitCodec.encode(ones, 0, ones.length, out);
        assertThat(out.toString()).isEqualTo("79228162514264337593543950335" + "255");

        out.setLength(0);
        DigitCodec.encode(new byte[13], 0, 13, out);
        assertThat(out.toString()).isEqualTo("0".repeat(29) + "000");
    }

    @Property
    void decodeOfEncode_roundTrips(@ForAll @Size(max = 200) byte[] bytes) {
        StringBuilder out = new StringBuilder();
        DigitCodec.encode(bytes, 0, bytes.length, out);

        assertThat(out).hasSize(DigitCodec.encodedLength(bytes.length));
        assertThat(DigitCodec.decode(out, 0, out.length())).isEqualTo(bytes);
    }

    @Test
    void maxBytes_usesThePartialBlock() {
        assertThat(DigitCodec.maxBytes(1600 - Frame.OVERHEAD)).isEqualTo(651);
        assertThat(DigitCodec.maxBytes(29)).isEqualTo(12);
        assertThat(DigitCodec.maxBytes(28)).isEqualTo(11);
        assertThat(DigitCodec.maxBytes(2)).isEqualTo(0);
    }

    @Test
    void decode_blockLargerThanItsBytes_throws() {
        assertThatThrownBy(() -> DigitCodec.decode("256", 0, 3)).hasMessageContaining("larger than 1 bytes");
        assertThatThrownBy(() -> DigitCodec.decode("79228162514264337593543950336", 0, 29))
                .hasMessageContaining("larger than 12 bytes");
    }

    @Test
    void decode_lengthOfNoBlock_throws() {
        assertThatThrownBy(() -> DigitCodec.decode("1234", 0, 4)).hasMessageContaining("not a whole number of bytes");
    }
}

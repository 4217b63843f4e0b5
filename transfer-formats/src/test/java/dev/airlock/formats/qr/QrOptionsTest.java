package dev.airlock.formats.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.formats.qr.QrOptions.EcLevel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QrOptionsTest {
    /** ISO 18004 capacities as listed in shared/design/domain-facts.md: numeric/alphanumeric/bytes. */
    private static final String[] TABLE = {
        "10 652/395/271 513/311/213 364/221/151 288/174/119",
        "15 1250/758/520 991/600/412 703/426/292 530/321/220",
        "20 2061/1249/858 1600/970/666 1159/702/482 919/557/382",
        "25 3057/1853/1273 2395/1451/997 1718/1041/715 1286/779/535",
        "40 7089/4296/2953 5596/3391/2331 3993/2420/1663 3057/1852/1273",
    };

    @Test
    void capacities_matchIso18004Table() {
        List<String> failures = new ArrayList<>();
        for (String row : TABLE) {
            String[] cells = row.split(" ");
            int version = Integer.parseInt(cells[0]);
            for (EcLevel level : EcLevel.values()) {
                String[] expected = cells[1 + level.ordinal()].split("/");
                QrOptions options = QrOptions.of(version, level);
                String actual = options.numericCapacity() + "/" + options.alphanumericCapacity() + "/" + options.byteCapacity();
                if (!actual.equals(String.join("/", expected))) {
                    failures.add(options + ": expected " + String.join("/", expected) + " but computed " + actual);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void defaults_areVersion20LevelM() {
        assertThat(QrOptions.defaults()).isEqualTo(QrOptions.of(20, EcLevel.M));
        assertThat(QrOptions.defaults().modules()).isEqualTo(97);
        assertThat(QrOptions.defaults()).hasToString("v20-M");
    }

    @Test
    void construct_withImpossibleVersion_throwsActionableMessage() {
        assertThatThrownBy(() -> QrOptions.of(41, EcLevel.M)).hasMessageContaining("use 1..40");
        assertThatThrownBy(() -> QrOptions.of(0, EcLevel.M)).hasMessageContaining("use 1..40");
        assertThatThrownBy(() -> QrOptions.of(20, null)).hasMessageContaining("L, M, Q or H");
    }

    @Test
    void construct_withSymbolTooSmallForAFrame_throws() {
        // v1-H holds 17 digits; a frame needs at least 28.
        assertThatThrownBy(() -> QrOptions.of(1, EcLevel.H)).hasMessageContaining("choose a higher version");
    }
}

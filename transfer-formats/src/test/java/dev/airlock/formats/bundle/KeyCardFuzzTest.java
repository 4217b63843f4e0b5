package dev.airlock.formats.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.airlock.formats.fuzz.FuzzContract;

/** Fuzz target: a peer's key card, as an envelope or its payload (seeds: the golden card). */
class KeyCardFuzzTest {
    @FuzzTest
    void keyCard(byte[] data) {
        SignedBundle bundle = BundleFuzzing.parse(BundleKind.KEY_CARD, data);
        if (bundle == null) {
            return;
        }
        byte[] envelope = bundle.envelope();
        KeyCard card = FuzzContract.accepts(envelope, bundle::keyCard, BundleFuzzing.REJECTIONS);
        if (card != null) {
            assertThat(card.signer()).isEqualTo(bundle.signer());
            assertThat(KeyCardCodec.encode(card)).isEqualTo(bundle.payload());
        }
    }
}

package dev.airlock.formats.signature;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Negative theories for Verifier (Tink SignatureTest style): everything but the right signature throws. */
class SignatureNegativeTest {
    private static final SigningKey KEY = SigningKey.fromSeed(
            HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
    private static final SigningKey OTHER = SigningKey.fromSeed(
            HexFormat.of().parseHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));
    private static final byte[] DATA = "airlock/request/1\0payload".getBytes(StandardCharsets.US_ASCII);

    @Test
    void verify_withWrongKey_throws() {
        byte[] sig = KEY.signer().sign(DATA);
        assertThatThrownBy(() -> OTHER.publicKey().verifier().verify(sig, DATA))
                .isInstanceOf(BadSignatureException.class);
    }

    @Test
    void verify_withTamperedData_throws() {
        byte[] sig = KEY.signer().sign(DATA);
        for (int i = 0; i < DATA.length; i++) {
            byte[] t = DATA.clone();
            t[i] ^= 1;
            assertThatThrownBy(() -> KEY.publicKey().verifier().verify(sig, t)).as("byte " + i)
                    .isInstanceOf(BadSignatureException.class);
        }
        byte[] longer = java.util.Arrays.copyOf(DATA, DATA.length + 1);
        assertThatThrownBy(() -> KEY.publicKey().verifier().verify(sig, longer))
                .isInstanceOf(BadSignatureException.class);
    }

    @Test
    void verify_withTamperedSignature_throws() {
        byte[] sig = KEY.signer().sign(DATA);
        for (int i = 0; i < sig.length; i++) {
            byte[] t = sig.clone();
            t[i] ^= (byte) 0x80;
            assertThatThrownBy(() -> KEY.publicKey().verifier().verify(t, DATA)).as("byte " + i)
                    .isInstanceOf(BadSignatureException.class);
        }
    }

    @Test
    void verify_withEmptyNullOrWrongLengthSignature_throws() {
        byte[] sig = KEY.signer().sign(DATA);
        assertThatThrownBy(() -> KEY.publicKey().verifier().verify(new byte[0], DATA))
                .isInstanceOf(BadSignatureException.class).hasMessageContaining("has 0");
        assertThatThrownBy(() -> KEY.publicKey().verifier().verify(null, DATA))
                .isInstanceOf(BadSignatureException.class);
        for (int len : new int[] {1, 32, 63, 65, 128}) {
            byte[] t = java.util.Arrays.copyOf(sig, len);
            assertThatThrownBy(() -> KEY.publicKey().verifier().verify(t, DATA)).as("length " + len)
                    .isInstanceOf(BadSignatureException.class).hasMessageContaining("has " + len);
        }
        assertThatThrownBy(() -> KEY.publicKey().verifier().verify(new byte[64], DATA))
                .isInstanceOf(BadSignatureException.class);
    }

    @Test
    void verify_signatureWithNonCanonicalScalar_throws() {
        // S + L (the group order) is the classic malleability: it must be refused
        byte[] sig = KEY.signer().sign(DATA);
        java.math.BigInteger l = java.math.BigInteger.TWO.pow(252)
                .add(new java.math.BigInteger("27742317777372353535851937790883648493"));
        byte[] sLe = java.util.Arrays.copyOfRange(sig, 32, 64);
        byte[] sBe = new byte[32];
        for (int i = 0; i < 32; i++) {
            sBe[i] = sLe[31 - i];
        }
        java.math.BigInteger s = new java.math.BigInteger(1, sBe).add(l);
        byte[] be = s.toByteArray();
        byte[] t = sig.clone();
        for (int i = 0; i < 32; i++) {
            int from = be.length - 1 - i;
            t[32 + i] = from >= 0 ? be[from] : 0;
        }
        assertThatThrownBy(() -> KEY.publicKey().verifier().verify(t, DATA)).isInstanceOf(BadSignatureException.class);
    }
}

package dev.airlock.appliance.keys;

import static org.assertj.core.api.Assertions.assertThat;

/** Byte-level search for secrets in files. */
final class Secrets {
    private Secrets() {}

    static void assertAbsent(byte[] haystack, byte[] needle, String what) {
        assertThat(indexOf(haystack, needle)).as(what + " found in the data store's bytes").isEqualTo(-1);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

package dev.airlock.formats.ids;

/** The product-key alphabet: {@code BCDFGHJKMPQRTVWXY2346789}, plus {@code N} in Windows 8+ keys. */
final class KeyAlphabet {
    static final String LETTERS = "BCDFGHJKMNPQRTVWXY2346789";

    private KeyAlphabet() {}

    static boolean allows(char upper) {
        return LETTERS.indexOf(upper) >= 0;
    }
}

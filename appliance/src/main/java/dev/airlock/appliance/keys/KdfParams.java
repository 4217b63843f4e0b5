package dev.airlock.appliance.keys;

/**
 * Argon2id cost parameters. The default suits a 2-core appliance: 64 MiB, 3 passes, 1 lane
 * (RFC 9106's second recommended option), about half a second per derivation.
 */
record KdfParams(int memoryKiB, int iterations, int lanes) {
    /** What new keyrings use. */
    static final KdfParams DEFAULT = new KdfParams(64 * 1024, 3, 1);
    /** Upper bounds accepted from storage, so a damaged row cannot make the appliance allocate gigabytes. */
    static final int MAX_MEMORY_KIB = 1024 * 1024;
    static final int MAX_ITERATIONS = 64;
    static final int MAX_LANES = 16;

    KdfParams {
        if (memoryKiB < 8 * lanes || memoryKiB > MAX_MEMORY_KIB || iterations < 1 || iterations > MAX_ITERATIONS
                || lanes < 1 || lanes > MAX_LANES) {
            throw new IllegalArgumentException("Argon2id parameters out of range: " + memoryKiB + " KiB, "
                    + iterations + " passes, " + lanes + " lanes");
        }
    }

    @Override
    public String toString() {
        return "Argon2id m=" + memoryKiB + "KiB t=" + iterations + " p=" + lanes;
    }
}

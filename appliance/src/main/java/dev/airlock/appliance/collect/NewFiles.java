package dev.airlock.appliance.collect;

/** Files on a stick not taken in yet: collected records and apply results. */
public record NewFiles(int collected, int results) {
    public int total() {
        return collected + results;
    }
}

/**
 * The round trip's ledger: request bundles this lab wrote (with the lab-side map from their random
 * references to products, which never leaves the lab) and the responses merged into the record.
 * Export writes to it, merge reads and completes it, {@code airlock bundles list} shows it.
 */
package dev.airlock.appliance.ledger;

/**
 * Building request bundles from the record: products reduced to {@code ExportRecord}s (the
 * allow-list, by type), random per-bundle references, signed with the appliance key. The
 * reference map stays in the lab.
 */
package dev.airlock.appliance.export;

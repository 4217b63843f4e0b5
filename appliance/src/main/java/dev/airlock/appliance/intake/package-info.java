/**
 * Taking collector files into the record: walks files, folders and stick roots with bounded
 * memory, reports an outcome per file, never lets a rejected file change the store.
 */
package dev.airlock.appliance.intake;

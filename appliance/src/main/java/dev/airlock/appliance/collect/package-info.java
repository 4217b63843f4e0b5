/**
 * The collect flow: the collector kit (Collect.cmd, Collect.ps1, README.txt) written onto a lab
 * stick, and collector files taken into the record: walks files, folders and stick roots with
 * bounded memory, reports an outcome per file, never lets a rejected file change the store.
 */
package dev.airlock.appliance.collect;

/** Small shared helpers with no business rules: atomic, verified file writes; the one-writer lock of a data dir. */
package dev.airlock.appliance.support;

/** Small shared helpers with no business rules: atomic, verified file writes. */
package dev.airlock.appliance.support;

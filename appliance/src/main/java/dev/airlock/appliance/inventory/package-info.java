/**
 * The full local record: machines (identity, group, history) and the licensed products on
 * them with their activation state. Holds the one product state machine.
 */
package dev.airlock.appliance.inventory;

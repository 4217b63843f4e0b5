/** The machine list (lazy grid over the inventory) and one machine's detail. */
package dev.airlock.kiosk.machines;

/** Apply screen: the activation kit onto the lab stick, CIDs shown for typing at a machine, results read back. */
package dev.airlock.kiosk.apply;

/** Collect: lab-stick intake with per-file outcomes, and manual IID entry with read-back. */
package dev.airlock.kiosk.collect;

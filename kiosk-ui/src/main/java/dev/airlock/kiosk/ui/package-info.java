/** The main layout and the kiosk's shared touch components (digit groups, state badges, bars). */
package dev.airlock.kiosk.ui;

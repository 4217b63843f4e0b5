/** The dashboard: counts per state and group, and the next step as big buttons. */
package dev.airlock.kiosk.home;

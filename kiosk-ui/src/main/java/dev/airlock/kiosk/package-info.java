/**
 * The Airlock kiosk: Vaadin views per feature over the appliance services. Views only compose
 * components and call services; the core package holds the session, the seal and the guard.
 */
package dev.airlock.kiosk;

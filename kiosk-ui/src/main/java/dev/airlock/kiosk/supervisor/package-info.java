/**
 * The supervisor screens: MAK vault, trust (key cards and fingerprints), operators, encrypted
 * backup and restore, the audit log with chain verification, and settings. Thin views over the
 * appliance's services; they add no rules of their own.
 */
package dev.airlock.kiosk.supervisor;

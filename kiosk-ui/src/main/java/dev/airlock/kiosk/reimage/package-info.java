/** Reimage screen: reusable CIDs, activations saved, and the supervisor's audited override. */
package dev.airlock.kiosk.reimage;

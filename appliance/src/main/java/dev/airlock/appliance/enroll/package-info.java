/**
 * The enroll flow: this appliance's key card written for the other side (the card file and its
 * QR codes, {@link dev.airlock.appliance.enroll.KeyCardFiles}), and the other side's card trusted
 * once its fingerprint, read from the other screen, is typed in
 * ({@link dev.airlock.appliance.enroll.Enroll}). A lab trusts gateways, a gateway trusts labs.
 */
package dev.airlock.appliance.enroll;

/** First run: role, name, supervisor passphrase, key pair and its fingerprint. */
package dev.airlock.kiosk.setup;

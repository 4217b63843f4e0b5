/** The sealed screen after boot (supervisor passphrase), operator sign-in with the PIN pad, the first supervisor. */
package dev.airlock.kiosk.signin;

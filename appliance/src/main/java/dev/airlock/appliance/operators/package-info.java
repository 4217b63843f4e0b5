/**
 * Kiosk operators: technicians and supervisors who sign in with a 4-to-8-digit PIN
 * ({@link dev.airlock.appliance.operators.OperatorService}). PINs are stored only as Argon2id
 * hashes; 5 wrong PINs in a row lock the operator out for 5 minutes, doubling per further lockout
 * up to an hour, counted in the store so a restart does not reset them. Adding, removing and
 * resetting operators is a supervisor's act: the caller checks the supervisor passphrase first.
 */
package dev.airlock.appliance.operators;

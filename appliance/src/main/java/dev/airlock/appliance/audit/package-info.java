/**
 * The append-only audit log: every state-changing action, who did it, and a SHA-256 chain
 * (each row hashes the previous one) that {@code airlock audit verify} checks.
 */
package dev.airlock.appliance.audit;

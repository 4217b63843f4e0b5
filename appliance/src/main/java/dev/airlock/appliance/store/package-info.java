/**
 * The record store: one SQLite file (WAL, foreign keys, busy timeout) with its schema from
 * Flyway migrations, transactions, and translation of disk trouble into plain messages. Feature
 * packages reach it only through their own services and package-private repositories.
 */
package dev.airlock.appliance.store;

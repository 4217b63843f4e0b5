/**
 * Settings: one properties file in the data dir, overridden by environment variables
 * ({@code AIRLOCK_<KEY>}) and command-line flags ({@code --set key=value}).
 */
package dev.airlock.appliance.config;

/**
 * What every view leans on: the appliance (open or still to be set up), the seal (sealed after
 * boot until a supervisor unlocks it), the signed-in operator, the navigation guard, the
 * devices and background work with progress.
 */
package dev.airlock.kiosk.core;

/**
 * What comes from outside the appliance (sticks, stand-in folders, collector machines, peers):
 * files read only when they are regular files, never through a link or a pipe, and text that is
 * data, never layout.
 */
package dev.airlock.formats.outside;

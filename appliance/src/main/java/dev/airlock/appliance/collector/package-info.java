/** Writes the collector kit (Collect.cmd, Collect.ps1, README.txt) onto a lab stick. */
package dev.airlock.appliance.collector;

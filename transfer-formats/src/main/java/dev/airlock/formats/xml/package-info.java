/**
 * The guarded way in for XML files from outside (collector records, bundle files): size-limited
 * reads, strict UTF-8, no DTDs or entities, bounded depth, one expected namespace and version.
 */
package dev.airlock.formats.xml;

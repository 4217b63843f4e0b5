/**
 * Identifier value types (IID, CID, ePID, SKU/application GUIDs, product keys): final,
 * immutable, parsed from what people type, printed in canonical grouped form.
 */
package dev.airlock.formats.ids;

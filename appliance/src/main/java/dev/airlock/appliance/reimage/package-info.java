/**
 * Reimage: a product collected again with an IID that already has a stored CID goes straight
 * back into the next activation kit (REUSABLE, an activation saved); without an exact IID match
 * only by a supervisor's override, with a warning. {@link dev.airlock.appliance.reimage.Reimage}
 * is the one way in; the detection rules are handed to inventory as its
 * {@link dev.airlock.appliance.inventory.ReimageRules}.
 */
package dev.airlock.appliance.reimage;

/**
 * Getting CIDs onto lab machines: the activation kit written to a lab stick (one file per
 * machine with products in CID_RECEIVED or REUSABLE), apply results taken back in (APPLIED,
 * VERIFIED, APPLY_FAILED with the code explained), manual applies, and a supervisor's forced
 * reuse of a stored CID. Kits and results name machines: they stay in the lab.
 */
package dev.airlock.appliance.apply;

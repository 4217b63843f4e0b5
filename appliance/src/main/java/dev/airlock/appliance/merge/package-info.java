/**
 * Import and merge of response bundles: verify (signer pinned as a gateway, signature, answers a
 * request this lab made, request digest), then one transaction moves every answered product to
 * CID_RECEIVED or REJECTED (with the error explained), and count results update the MAK vault.
 * The same response twice changes nothing.
 */
package dev.airlock.appliance.merge;

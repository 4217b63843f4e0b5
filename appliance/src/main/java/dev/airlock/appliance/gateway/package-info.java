/**
 * The gateway role: verifies a lab's request bundle, obtains a CID per record from Microsoft's
 * BatchActivation service (or typed in from a phone call), keeps every answer in the CID cache
 * keyed by (IID, ePID) so an activation is never spent twice, and writes the signed response.
 * The top level ({@link dev.airlock.appliance.gateway.Gateway} and its small value types)
 * is the API a CLI or kiosk drives; the wire format, HTTP client and cache are package-private.
 */
package dev.airlock.appliance.gateway;

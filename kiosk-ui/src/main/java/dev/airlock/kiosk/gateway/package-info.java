/** Gateway screen: a lab's request checked, answered online or by phone, the response written or shown as QR. */
package dev.airlock.kiosk.gateway;

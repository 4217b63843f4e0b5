package dev.airlock.appliance.inventory;

/** A kind of product already recorded (one per SKU), with the identifiers a manual entry needs. */
public record KnownProduct(String skuId, String applicationId, String name, String epid, String channel) {}

package dev.airlock.appliance.inventory;

import java.time.Instant;

/** An earlier installation of a product, kept in its history when the IID changed (IID, CID as digits). */
public record EarlierInstallation(String iid, String cid, Instant archivedAt, String reason) {}

package dev.airlock.appliance.inventory;

import dev.airlock.formats.ids.ConfirmationId;
import dev.airlock.formats.ids.InstallationId;
import java.time.Instant;

/** An earlier installation of a product, kept in its history when the IID changed. */
public record EarlierInstallation(InstallationId iid, ConfirmationId cid, Instant archivedAt, String reason) {}

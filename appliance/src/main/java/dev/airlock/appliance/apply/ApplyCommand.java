package dev.airlock.appliance.apply;

import dev.airlock.appliance.inventory.Product;
import dev.airlock.formats.ids.ApplicationId;
import dev.airlock.formats.ids.ConfirmationId;
import dev.airlock.formats.ids.SkuId;

/**
 * How a product's CID goes in by hand at the machine: {@code slmgr /atp CID ACTID} for Windows and
 * Office 2013+, {@code cscript ospp.vbs /actcid:CID} for Office 2010 (OSPP). The one place this rule lives.
 */
public sealed interface ApplyCommand permits ApplyCommand.SlmgrAtp, ApplyCommand.OsppActCid {
    /** The CID the command puts in. */
    ConfirmationId cid();

    /** The command as a technician types it. */
    String commandLine();

    /** {@code slmgr /atp CID ACTID}: Windows and Office 2013 and later (the Software Protection Platform). */
    record SlmgrAtp(ConfirmationId cid, SkuId activationId) implements ApplyCommand {
        @Override
        public String commandLine() {
            return "slmgr /atp " + cid.digits() + " " + activationId;
        }
    }

    /** {@code cscript ospp.vbs /actcid:CID}: Office 2010, licensed through OSPP. */
    record OsppActCid(ConfirmationId cid) implements ApplyCommand {
        @Override
        public String commandLine() {
            return "cscript ospp.vbs /actcid:" + cid.digits();
        }
    }

    /**
     * The command that puts {@code p}'s CID in at the machine: {@code slmgr /atp}, or
     * {@code ospp.vbs /actcid} for Office 2010.
     *
     * @throws IllegalArgumentException when the product has no CID yet
     */
    public static ApplyCommand of(Product p) {
        ConfirmationId cid = p.cid().orElseThrow(() -> new IllegalArgumentException("product " + p.id()
                + " has no CID yet; nothing to apply"));
        return p.applicationId().equals(ApplicationId.OFFICE_2010) ? new OsppActCid(cid)
                : new SlmgrAtp(cid, p.skuId());
    }
}

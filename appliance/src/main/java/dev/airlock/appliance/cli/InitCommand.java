package dev.airlock.appliance.cli;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.keys.KeyService;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.appliance.keys.PreparedKeys;
import dev.airlock.appliance.keys.WeakPassphraseException;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.formats.outside.OutsideText;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code airlock init}: creates the data store with the appliance's key pair and supervisor passphrase. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create the appliance's data store (refuses to overwrite an existing one), its Ed25519 key"
                + " pair and the supervisor passphrase that seals every secret.",
            "The passphrase is asked twice on a terminal; scripts set AIRLOCK_PASSPHRASE."})
final class InitCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--role", required = true, paramLabel = "lab|gateway",
            description = "lab: the kiosk in the isolated lab; gateway: the connected side.")
    String role;

    @Option(names = "--name", required = true, paramLabel = "NAME",
            description = "A display name for this appliance (e.g. 'Lab 3 kiosk'). Never leaves the lab.")
    String name;

    InitCommand(CliContext context) {
        this.context = context;
    }

    /** Key material comes from a SecureRandom: the context's when it is one, else a new one. */
    static SecureRandom secureRandom(CliContext context) {
        return context.random() instanceof SecureRandom s ? s : new SecureRandom();
    }

    @Override
    public Integer call() {
        ApplianceInfo.Role r = ApplianceInfo.Role.of(role);
        if (Appliance.exists(global.dataDir())) {
            throw new Rejected("a data store already exists in " + global.dataDir()
                    + "; refusing to overwrite it (use another --data dir, or keep using this one)");
        }
        if (name == null || name.isBlank()) {
            throw new Rejected("the appliance name is empty");
        }
        OutsideText.problem(name.strip()).ifPresent(p -> {
            throw new Rejected("the appliance name must be one line of plain text; it " + p + "; nothing was changed");
        });
        var actor = global.actor();
        PreparedKeys keys;
        try (Passphrase passphrase = new SecretInput(context, spec.commandLine().getErr()).newPassphrase()) {
            keys = KeyService.prepare(passphrase, secureRandom(context));
        } catch (WeakPassphraseException e) {
            throw new Rejected(e.getMessage() + "; nothing was changed");
        }
        global.lockForWriting();
        if (Appliance.exists(global.dataDir())) {
            throw new Rejected("a data store was created in " + global.dataDir() + " meanwhile; nothing was changed");
        }
        Appliance appliance = context.closeLater(Appliance.init(global.dataDir(), r, name, actor, context.clock(),
                context.random(), keys, global.sleeper()));
        ApplianceInfo info = appliance.info();
        var out = spec.commandLine().getOut();
        out.println("Created " + info.role().id() + " appliance '" + info.displayName() + "' in "
                + appliance.dataDir());
        out.println("Key pair: key id " + keys.publicKey().id() + ", fingerprint " + keys.publicKey().fingerprint());
        out.println("Every secret is sealed under the supervisor passphrase: keep it safe; it cannot be recovered.");
        out.println("Next: " + (r == ApplianceInfo.Role.LAB
                ? "put the collector kit on a lab stick: ./airlock collector-kit --to /media/STICK"
                : "pin the lab's key card (./airlock trust add CARD --fingerprint \"...\"), then answer its requests:"
                        + " ./airlock gateway process REQUEST --to /media/STICK"));
        return ExitCodes.OK;
    }
}

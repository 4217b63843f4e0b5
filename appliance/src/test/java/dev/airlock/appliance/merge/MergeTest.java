package dev.airlock.appliance.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.appliance.export.ExportOptions;
import dev.airlock.appliance.export.ExportResult;
import dev.airlock.appliance.inventory.Product;
import dev.airlock.appliance.inventory.ProductEvent;
import dev.airlock.appliance.inventory.ProductState;
import dev.airlock.appliance.keys.MakEntry;
import dev.airlock.appliance.ledger.OutboundBundle;
import dev.airlock.appliance.store.Store;
import dev.airlock.appliance.testing.RoundTripFixture;
import dev.airlock.appliance.testing.Samples;
import dev.airlock.formats.bundle.BundleFile;
import dev.airlock.formats.bundle.Reference;
import dev.airlock.formats.bundle.ResponseBundle;
import dev.airlock.formats.bundle.SignedBundle;
import dev.airlock.formats.ids.ProductKey;
import dev.airlock.formats.qr.QrEncoder;
import dev.airlock.formats.qr.QrOptions;
import dev.airlock.formats.signature.SigningKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergeTest {
    @TempDir
    Path tmp;

    RoundTripFixture f;
    Merge merge;

    @BeforeEach
    void setUp() throws Exception {
        f = new RoundTripFixture(tmp);
        merge = f.lab.merge();
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private SignedBundle exportAll(int n) throws Exception {
        f.addProducts(1, n, "6789B");
        ExportResult r = f.export(ExportOptions.to(f.stick));
        return RoundTripFixture.read(r);
    }

    private Map<Long, Product> byId() {
        return f.products().stream().collect(Collectors.toMap(Product::id, p -> p));
    }

    @Test
    void import_ofAStickRoot_mergesCidsAndErrors_withExplanations() throws Exception {
        SignedBundle request = exportAll(4);
        List<Reference> refs = RoundTripFixture.references(request);
        Reference limit = refs.get(0);
        Reference unknown = refs.get(1);
        Function<Reference, ResponseBundle.Outcome> outcome = r -> r.equals(limit)
                ? new ResponseBundle.Failed(0x7F, "limit exceeded")
                : r.equals(unknown) ? new ResponseBundle.Failed(0x1234, "")
                : new ResponseBundle.Confirmed(RoundTripFixture.cid(r));
        f.write(f.respond(request, refs, outcome, List.of(), f.gateway), f.gateway);

        List<MergeOutcome> out = merge.importPaths(List.of(f.stick), Samples.TECHNICIAN, o -> { });

        MergeOutcome.Merged m = (MergeOutcome.Merged) out.get(0);
        assertThat(m.cids()).isEqualTo(2);
        assertThat(m.rejections()).hasSize(2);
        assertThat(m.requestState()).isEqualTo(OutboundBundle.State.ANSWERED);
        assertThat(m.rejections()).anySatisfy(r -> {
            assertThat(r.code().text()).isEqualTo("0x7F");
            assertThat(r.explanation()).contains("add activations to the MAK").contains("another MAK");
        });
        assertThat(m.rejections()).anySatisfy(r -> assertThat(r.explanation()).contains("0x1234"));
        List<Product> products = f.products();
        assertThat(products.stream().filter(p -> p.state() == ProductState.CID_RECEIVED)).hasSize(2)
                .allSatisfy(p -> assertThat(p.cid().orElseThrow().digits()).hasSize(48));
        assertThat(products.stream().filter(p -> p.state() == ProductState.REJECTED))
                .anySatisfy(p -> assertThat(p.stateDetail().text()).startsWith("0x7F: MAK activation limit reached"));
        assertThat(f.lab.audit().verify().toString()).contains("Intact");
    }

    @Test
    void import_sameResponseTwice_mergesOnce_andSaysAlreadyMerged() throws Exception {
        SignedBundle request = exportAll(3);
        Path file = f.write(f.respondAll(request), f.gateway);
        assertThat(merge.importFile(file, Samples.TECHNICIAN)).isInstanceOf(MergeOutcome.Merged.class);
        Map<Long, Product> before = byId();
        long auditRows = f.lab.audit().recent(10_000, "").size();

        MergeOutcome again = merge.importFile(file, Samples.TECHNICIAN);

        assertThat(again).isInstanceOf(MergeOutcome.AlreadyMerged.class);
        assertThat(byId()).isEqualTo(before);
        assertThat(f.lab.audit().recent(10_000, "").size()).isEqualTo(auditRows);
        assertThat(f.lab.ledger().list().inbound()).hasSize(1);
    }

    @Test
    void countUnmerged_seesOnlyResponsesNotMergedYet() throws Exception {
        SignedBundle request = exportAll(2);
        Path file = f.write(f.respondAll(request), f.gateway);
        Path stick = java.nio.file.Files.createTempDirectory("stick");
        Path inbound = java.nio.file.Files.createDirectories(stick.resolve("AIRLOCK/inbound"));
        java.nio.file.Files.copy(file, inbound.resolve(file.getFileName()));
        java.nio.file.Files.writeString(inbound.resolve("junk.xml"), "<not-a-bundle/>");
        java.nio.file.Files.writeString(inbound.resolve(".partial.xml.tmp"), "<half");
        assertThat(merge.countUnmerged(stick)).isEqualTo(2);

        assertThat(merge.importFile(file, Samples.TECHNICIAN)).isInstanceOf(MergeOutcome.Merged.class);

        assertThat(merge.countUnmerged(stick)).as("only the junk file is left to look at").isEqualTo(1);
        assertThat(merge.countUnmerged(stick.resolve("no-such"))).isZero();
    }

    @Test
    void partialResponses_eachMergeWhatTheyCarry() throws Exception {
        SignedBundle request = exportAll(5);
        List<Reference> refs = RoundTripFixture.references(request);
        SignedBundle first = f.respond(request, refs.subList(0, 2), r -> new ResponseBundle.Confirmed(
                RoundTripFixture.cid(r)), List.of(), f.gateway);
        MergeOutcome.Merged m1 = (MergeOutcome.Merged) merge.merge(first, "first", Samples.TECHNICIAN);
        assertThat(m1.cids()).isEqualTo(2);
        assertThat(m1.requestState()).isEqualTo(OutboundBundle.State.PARTLY_ANSWERED);
        assertThat(m1.requestOpen()).isEqualTo(3);
        // the second overlaps the first by one reference: that one is skipped with a note
        SignedBundle second = f.respond(request, refs.subList(1, 5), r -> new ResponseBundle.Confirmed(
                RoundTripFixture.cid(r)), List.of(), f.gateway);
        MergeOutcome.Merged m2 = (MergeOutcome.Merged) merge.merge(second, "second", Samples.TECHNICIAN);
        assertThat(m2.cids()).isEqualTo(3);
        assertThat(m2.notes()).singleElement().asString().contains("is already CID_RECEIVED").contains("was not stored");
        assertThat(m2.requestState()).isEqualTo(OutboundBundle.State.ANSWERED);
        assertThat(f.products()).extracting(Product::state).containsOnly(ProductState.CID_RECEIVED);
        OutboundBundle out = f.lab.ledger().list().outbound().get(0);
        assertThat(out.answered()).isEqualTo(5);
    }

    @Test
    void aProductAlreadyApplied_isNotMovedBack_andALateErrorDoesNotUndoACid() throws Exception {
        SignedBundle request = exportAll(2);
        List<Reference> refs = RoundTripFixture.references(request);
        merge.merge(f.respond(request, refs.subList(0, 1), r -> new ResponseBundle.Confirmed(RoundTripFixture.cid(r)),
                List.of(), f.gateway), "a", Samples.TECHNICIAN);
        long applied = f.products().stream().filter(p -> p.state() == ProductState.CID_RECEIVED).findFirst()
                .orElseThrow().id();
        try (Store store = Store.open(f.lab.dataDir())) {
            var audit = new dev.airlock.appliance.audit.AuditService(store, Samples.CLOCK);
            var inventory = new dev.airlock.appliance.inventory.InventoryService(store, audit, Samples.CLOCK,
                    dev.airlock.appliance.reimage.Reimage.rules());
            store.execute(tx -> inventory.transition(tx, applied, ProductEvent.APPLY, "", Optional.empty(),
                    Samples.TECHNICIAN));
        }
        // a later response re-answers both with errors
        MergeOutcome.Merged m = (MergeOutcome.Merged) merge.merge(f.respond(request, refs,
                r -> new ResponseBundle.Failed(0x67, ""), List.of(), f.gateway), "b", Samples.TECHNICIAN);
        assertThat(m.rejections()).hasSize(1);
        assertThat(m.notes()).singleElement().asString().contains("APPLIED").contains("not moved back");
        assertThat(byId().get(applied).state()).isEqualTo(ProductState.APPLIED);
    }

    @Test
    void refusals_changeNothing_andSayWhy() throws Exception {
        SignedBundle request = exportAll(2);
        SignedBundle good = f.respondAll(request);
        Map<Long, Product> before = byId();

        // foreign-signed: a key nobody pinned
        SigningKey stranger = SigningKey.generate(new SecureRandom());
        SignedBundle foreign = f.respond(request, RoundTripFixture.references(request),
                r -> new ResponseBundle.Confirmed(RoundTripFixture.cid(r)), List.of(), stranger);
        assertRefused(merge.merge(foreign, "foreign", Samples.TECHNICIAN), "not pinned");

        // tampered: a byte of the file changed after signing
        Path file = f.write(good, f.gateway);
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        int at = text.indexOf("<Payload>") + "<Payload>".length() + 20;
        char c = text.charAt(at);
        Path tampered = tmp.resolve("tampered.xml");
        Files.writeString(tampered, text.substring(0, at) + (c == 'A' ? 'B' : 'A') + text.substring(at + 1));
        MergeOutcome t = merge.importFile(tampered, Samples.TECHNICIAN);
        assertThat(t).isInstanceOf(MergeOutcome.Refused.class);

        // malformed
        Path junk = tmp.resolve("junk.xml");
        Files.writeString(junk, "<not-a-bundle/>");
        assertRefused(merge.importFile(junk, Samples.TECHNICIAN), "malformed");

        // a response to a request this lab never made: another lab's request, answered by our gateway
        try (RoundTripFixture other = new RoundTripFixture(tmp.resolve("other"))) {
            other.addProducts(100, 1, "6789B");
            SignedBundle theirs = RoundTripFixture.read(other.export(ExportOptions.to(other.stick)));
            SignedBundle answer = f.respond(theirs, RoundTripFixture.references(theirs),
                    r -> new ResponseBundle.Confirmed(RoundTripFixture.cid(r)), List.of(), f.gateway);
            assertRefused(merge.merge(answer, "never", Samples.TECHNICIAN), "never made");
        }

        // wrong digest: same request id, but bound to different bytes (a re-signed request with the same id)
        SignedBundle resigned = SignedBundle.sign(dev.airlock.formats.bundle.BundleKind.REQUEST,
                request.payload(), request.signer(), data -> new byte[64]);
        SignedBundle wrongDigest = f.respond(resigned, RoundTripFixture.references(request),
                r -> new ResponseBundle.Confirmed(RoundTripFixture.cid(r)), List.of(), f.gateway);
        assertRefused(merge.merge(wrongDigest, "digest", Samples.TECHNICIAN), "digest");

        // a request is not a response
        assertRefused(merge.merge(request, "request", Samples.TECHNICIAN), "not a response");

        assertThat(byId()).isEqualTo(before);
        assertThat(f.lab.ledger().list().inbound()).isEmpty();
        // and the good one still merges
        assertThat(merge.merge(good, "good", Samples.TECHNICIAN)).isInstanceOf(MergeOutcome.Merged.class);
    }

    @Test
    void aFailureHalfWay_leavesTheStoreUntouched_andARetryCompletes() throws Exception {
        SignedBundle request = exportAll(6);
        SignedBundle response = f.respondAll(request);
        Map<Long, Product> before = byId();
        Merge failing = merge.failingAfterProductsMoved(() -> {
            throw new IllegalStateException("power cut");
        });
        assertThatThrownBy(() -> failing.merge(response, "r", Samples.TECHNICIAN)).hasMessageContaining("power cut");
        assertThat(byId()).isEqualTo(before);
        assertThat(f.lab.ledger().list().inbound()).isEmpty();
        assertThat(f.lab.ledger().list().outbound().get(0).answered()).isZero();

        assertThat(merge.merge(response, "r", Samples.TECHNICIAN)).isInstanceOf(MergeOutcome.Merged.class);
        assertThat(f.products()).extracting(Product::state).containsOnly(ProductState.CID_RECEIVED);
    }

    @Test
    void countResults_updateTheVaultsRemainingCount() throws Exception {
        MakEntry mak;
        try (var p = RoundTripFixture.pass()) {
            mak = f.lab.makVault().add(ProductKey.parse("BCDFG-HJKMP-QRTVW-XY234-6789B"), "lab MAK", p,
                    Samples.SUPERVISOR);
        }
        SignedBundle request = exportAll(2);
        int epidIndex = request.request().queries().get(0).epid();
        SignedBundle response = f.respond(request, RoundTripFixture.references(request),
                r -> new ResponseBundle.Confirmed(RoundTripFixture.cid(r)),
                List.of(new ResponseBundle.CountResult(epidIndex, Optional.empty(), 41)), f.gateway);
        MergeOutcome.Merged m = (MergeOutcome.Merged) merge.merge(response, "r", Samples.TECHNICIAN);
        assertThat(m.counts()).singleElement().satisfies(c -> {
            assertThat(c.partialKey()).isEqualTo("6789B");
            assertThat(c.stored()).isTrue();
        });
        assertThat(f.lab.makVault().find(mak.id()).orElseThrow().remaining()).hasValue(41);
    }

    @Test
    void import_ofAQrFramesFile_reassemblesAndMerges() throws Exception {
        SignedBundle request = exportAll(3);
        SignedBundle response = f.respondAll(request);
        List<String> frames = new QrEncoder(response.envelope(), QrOptions.of(10, QrOptions.EcLevel.M)).frames();
        Path framesFile = tmp.resolve("frames.txt");
        Files.write(framesFile, frames.reversed(), StandardCharsets.US_ASCII);
        assertThat(merge.importFile(framesFile, Samples.TECHNICIAN)).isInstanceOf(MergeOutcome.Merged.class);
        Files.write(framesFile, frames.subList(0, Math.max(0, frames.size() - 1)), StandardCharsets.US_ASCII);
        if (frames.size() > 1) {
            assertRefused(merge.importFile(framesFile, Samples.TECHNICIAN), "incomplete");
        }
        assertThat(BundleFile.fileName(response)).startsWith("airlock-response-");
    }

    @Test
    void import_ofAFramesFileWithAStrayFrameFirst_mergesTheCompleteSet_andNamesTheStrayOne() throws Exception {
        SignedBundle request = exportAll(3);
        SignedBundle response = f.respondAll(request);
        QrOptions v10 = QrOptions.of(10, QrOptions.EcLevel.M);
        List<String> frames = new QrEncoder(response.envelope(), v10).frames();
        byte[] stray = new byte[4000];
        new java.util.Random(7).nextBytes(stray);
        QrEncoder yesterday = new QrEncoder(stray, v10);
        List<String> mixed = new java.util.ArrayList<>();
        mixed.add(yesterday.frames().get(1));
        mixed.addAll(frames);
        Path framesFile = Files.write(tmp.resolve("mixed-frames.txt"), mixed, StandardCharsets.US_ASCII);

        List<MergeOutcome> outcomes = merge.importEach(framesFile, Samples.TECHNICIAN);

        assertThat(outcomes).hasSize(2);
        assertThat(outcomes.get(0)).isInstanceOf(MergeOutcome.Merged.class);
        assertRefused(outcomes.get(1), "1 of " + yesterday.frameCount() + " frames of bundle " + yesterday.bundleId());
        assertRefused(outcomes.get(1), "incomplete, not merged");
        assertThat(outcomes.get(1).source()).contains("(bundle " + yesterday.bundleId() + ")");
    }

    private static void assertRefused(MergeOutcome o, String reasonPart) {
        assertThat(o).isInstanceOf(MergeOutcome.Refused.class);
        assertThat(((MergeOutcome.Refused) o).reason()).containsIgnoringCase(reasonPart);
    }
}

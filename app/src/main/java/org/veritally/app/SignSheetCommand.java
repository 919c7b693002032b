package org.veritally.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import org.veritally.formats.canonical.CanonicalJson;
import org.veritally.formats.canonical.JsonTree;
import org.veritally.translog.NoteSigner;
import org.veritally.translog.Parsed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code veritally sign-sheet}: signs a sheet (API form, with its {@code source}) for an account:
 * the signature covers the canonical entry with {@code kind}, {@code v} and {@code signer} added
 * (docs/log-format.md §1.4). Prints the sheet with {@code signature} and {@code signer}, ready to POST.
 */
@Command(
        name = "sign-sheet",
        description = "Sign a sheet (JSON, API form) with an account's Ed25519 key; prints it ready to POST.")
final class SignSheetCommand implements Callable<Integer> {
    @Option(names = "--key", required = true, paramLabel = "FILE", description = "signing key written by keygen")
    Path key;

    @Option(names = "--account", required = true)
    String account;

    @Parameters(paramLabel = "SHEET.json")
    Path sheet;

    @Override
    public Integer call() throws Exception {
        if (!(NoteSigner.parse(Files.readString(key).strip()) instanceof Parsed.Ok<NoteSigner> signer)) {
            throw new UsageError(key + " is not a signing key");
        }
        Object tree;
        try {
            tree = JsonTree.parse(Files.readAllBytes(sheet));
        } catch (JsonTree.JsonError e) {
            throw new UsageError(sheet + " " + e.path() + ": " + e.getMessage());
        }
        if (!(tree instanceof java.util.Map)) throw new UsageError(sheet + ": a sheet is a JSON object");
        var m = new LinkedHashMap<>(JsonTree.asObject(tree));
        if (!(m.get("source") instanceof String))
            throw new UsageError(sheet + ": the sheet must name its source to be signed");
        m.remove("signature");
        m.put("kind", "sheet");
        m.put("v", 1L);
        m.put("signer", account);
        byte[] sig = signer.value().signBytes(CanonicalJson.encode(m));
        m.remove("kind");
        m.remove("v");
        m.put("signature", Base64.getEncoder().encodeToString(sig));
        System.out.println(new String(CanonicalJson.encode(m), StandardCharsets.UTF_8));
        return Main.OK;
    }
}

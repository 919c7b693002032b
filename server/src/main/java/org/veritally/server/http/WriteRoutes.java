package org.veritally.server.http;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.veritally.core.entry.SheetEntry;
import org.veritally.core.entry.SheetSignature;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;
import org.veritally.formats.canonical.Fields;
import org.veritally.formats.canonical.JsonTree;
import org.veritally.formats.entry.AnnouncementJson;
import org.veritally.formats.entry.SheetJson;
import org.veritally.server.Instance;
import org.veritally.server.auth.Account;
import org.veritally.server.auth.Action;
import org.veritally.server.auth.Authorization;
import org.veritally.server.auth.Role;
import org.veritally.server.intake.GroupCommit;
import org.veritally.server.intake.Outcome;
import org.veritally.server.log.LogView;
import org.veritally.server.read.UsageProblem;

/**
 * The write endpoints: {@code POST /api/sheets} and {@code POST /api/announcements}. Each checks the
 * token (401 AUTH-TOKEN), the role × action matrix (403 AUTH-ROLE), that a non-administrator submits
 * only as its own source (422 TS-SOURCE), and, for an account with a registered key, the Ed25519
 * signature over the canonical entry (422 AUTH-SIG). Sheets go through group commit and are
 * answered, with a receipt, only after their transaction committed.
 */
final class WriteRoutes {
  private final Instance instance;
  private final Authenticator auth;

  WriteRoutes(Instance instance, Authenticator auth) {
    this.instance = instance;
    this.auth = auth;
  }

  private Optional<Account> account(Context ctx, Action action) {
    Optional<Account> a = auth.authenticate(ctx.header("Authorization"));
    if (a.isEmpty()) {
      ctx.header("WWW-Authenticate", "Bearer");
      ApiServer.problem(ctx, 401, ProblemJson.rule(401, "AUTH-TOKEN", "a valid bearer token is required to submit"));
      return Optional.empty();
    }
    if (!Authorization.allows(a.get().role(), action)) {
      ApiServer.problem(ctx, 403, ProblemJson.rule(403, "AUTH-ROLE", "role " + a.get().role().wire() + " may not " + action.name().toLowerCase()));
      return Optional.empty();
    }
    return a;
  }

  private Optional<Object> body(Context ctx, List<Problem> problems) {
    try {
      return Optional.of(JsonTree.parse(ctx.bodyAsBytes()));
    } catch (JsonTree.JsonError e) {
      problems.add(new Problem(e.countError() ? Rule.IN_COUNT : Rule.IN_SYNTAX, e.path(), e.getMessage()));
      return Optional.empty();
    }
  }

  void postSheet(Context ctx) {
    Optional<Account> acc = account(ctx, Action.SUBMIT_SHEET);
    if (acc.isEmpty()) return;
    Account a = acc.get();
    if (instance.state().election().isEmpty()) throw new UsageProblem("RD-ELECTION", "no election is defined yet");
    List<Problem> problems = new ArrayList<>();
    var json = new SheetJson(instance.state().requireElection());
    Optional<String> own = a.role() == Role.ADMIN ? Optional.empty() : Optional.of(a.source());
    Optional<SheetEntry> entry = body(ctx, problems).flatMap(t -> json.decodeSigned(new Fields(t, "$", problems), true, own, problems));
    Optional<SheetSignature> signature = Optional.empty();
    if (entry.isPresent()) {
      var e = entry.get();
      if (e.signature().isPresent() && !e.signature().get().signer().isEmpty() && !e.signature().get().signer().equals(a.id())) {
        problems.add(new Problem(Rule.TS_SOURCE, "$.signer", "the signer must be the submitting account '" + a.id() + "'"));
      } else if (a.publicKey().isPresent()) {
        if (e.signature().isEmpty()) {
          problems.add(new Problem(Rule.IN_FIELD, "$.signature", "AUTH-SIG: account " + a.id() + " has a registered key; its sheets must be signed"));
        } else if (!a.publicKey().get().verifies(json.signedMessage(e.sheet(), a.id()), e.signature().get().signature())) {
          problems.add(new Problem(Rule.IN_FIELD, "$.signature", "AUTH-SIG: the signature does not verify with account " + a.id() + "'s key"));
        } else {
          signature = Optional.of(new SheetSignature(a.id(), e.signature().get().signature()));
        }
      } else if (e.signature().isPresent()) {
        problems.add(new Problem(Rule.IN_FIELD, "$.signature", "AUTH-SIG: account " + a.id() + " has no registered key to check a signature with"));
      }
    }
    if (!problems.isEmpty()) {
      ApiServer.problem(ctx, 422, ProblemJson.of(422, "sheet rejected", problems.size() + " problem(s)", problems));
      return;
    }
    Outcome o;
    try {
      o = instance.groupCommit().submit(entry.get().sheet(), signature, a.id()).get(30, TimeUnit.SECONDS);
    } catch (GroupCommit.Busy | TimeoutException busy) {
      ctx.header("Retry-After", "1");
      ApiServer.problem(ctx, 503, ProblemJson.rule(503, "SRV-BUSY", "the sequencer is busy; retry shortly"));
      return;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (!o.rejected().isEmpty()) {
      int status = o.rejected().stream().anyMatch(p -> p.rule() == Rule.TS_CONFLICT) ? 409 : 422;
      ApiServer.problem(ctx, status, ProblemJson.of(status, "sheet rejected", o.rejected().size() + " problem(s)", o.rejected()));
      return;
    }
    var acc0 = o.accepted().get(0);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("index", acc0.index());
    m.put("leafHash", java.util.HexFormat.of().formatHex(acc0.leafHash()));
    m.put("idempotent", acc0.idempotent());
    m.put("flags", acc0.flags().stream().map(p -> Map.of("rule", p.rule().id(), "message", p.message())).toList());
    m.put("logSize", o.logSize());
    var log = new LogView(instance.store());
    log.latest().ifPresent(cp -> {
      m.put("checkpointSize", cp.size());
      m.put("receipt", log.receipt(acc0.index(), cp));
    });
    ctx.status(acc0.idempotent() ? 200 : 201);
    ApiServer.json(ctx, m);
  }

  void postAnnouncement(Context ctx) {
    Optional<Account> acc = account(ctx, Action.RECORD_ANNOUNCEMENT);
    if (acc.isEmpty()) return;
    if (instance.state().election().isEmpty()) throw new UsageProblem("RD-ELECTION", "no election is defined yet");
    List<Problem> problems = new ArrayList<>();
    var a = body(ctx, problems).flatMap(t -> {
      Fields f = new Fields(t, "$", problems);
      var r = AnnouncementJson.read(f, true, problems);
      f.end();
      return problems.isEmpty() ? r : Optional.empty();
    });
    if (a.isEmpty()) {
      ApiServer.problem(ctx, 422, ProblemJson.of(422, "announcement rejected", problems.size() + " problem(s)", problems));
      return;
    }
    var r = instance.announcements().record(a.get(), acc.get().id(), "request");
    if (!r.problems().isEmpty()) {
      ApiServer.problem(ctx, 422, ProblemJson.of(422, "announcement rejected", r.problems().size() + " problem(s)", r.problems()));
      return;
    }
    ctx.status(r.idempotent() ? 200 : 201);
    ApiServer.json(ctx, Map.of("index", r.index(), "idempotent", r.idempotent()));
  }
}

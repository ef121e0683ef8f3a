/**
 * Idempotent creation: a request that carries a client token and is sent again (its answer was lost) gets the
 * resource the first one created; the same token with other parameters is IDEMPOTENCY_CONFLICT. Tokens live in the
 * state file (durable across restarts) and are compared by a canonical fingerprint (key order does not matter),
 * for every create of every protocol: peerings (client_tokens), VPCs and routes (create_tokens).
 */
import { createHash } from "node:crypto";
import { canonicalJson } from "../../core/canonical-json.js";
import { type CreatePeeringInput, isTerminalPeering, type PeeringStatus } from "../backend.js";
import type { SessionContext } from "./engine.js";
import { fail } from "./refusals.js";

/** Baidu clientToken: "an ASCII string with a length not exceeding 64" (seed 001). */
const CLIENT_TOKEN = /^[\x20-\x7e]{1,64}$/;

export function checkClientToken(token: string | undefined, kind = "peering"): void {
  if (token !== undefined && !CLIENT_TOKEN.test(token)) {
    fail("INVALID_PARAMETER", `clientToken "${token.slice(0, 80)}" is not 1-64 printable ASCII characters.`, {
      resource: kind,
      value: token,
      fix: "Use a printable ASCII token of at most 64 characters (a UUID works).",
    });
  }
}

export function fingerprint(account: string, input: CreatePeeringInput): string {
  const { clientToken: _, ...rest } = input;
  const normalized = { ...rest, peerAccount: input.peerAccount ?? account };
  // Canonical, so the same tags in another key order are the same request (a retry must not get
  // IDEMPOTENCY_CONFLICT).
  return createHash("sha256").update(canonicalJson(normalized)).digest("hex");
}

/**
 * The id of the peering an earlier request with `token` created, or undefined when the token is new or what it
 * made is over (deleted, removed, rejected or expired: a `pulumi destroy` then `up`, or a rerun after a refusal,
 * asks for a new request, which frees the token); refuses the token when that request had other parameters.
 */
export function earlierPeering(
  ctx: SessionContext,
  token: string,
  print: string,
  peeringName: string,
): string | undefined {
  const previous = ctx.engine
    .statement("SELECT fingerprint, peering_id FROM client_tokens WHERE account = ? AND token = ?")
    .get(ctx.account, token) as { fingerprint: string; peering_id: string } | undefined;
  if (!previous) return undefined;
  const made = ctx.engine.statement("SELECT status FROM peerings WHERE id = ?").get(previous.peering_id) as
    | { status: PeeringStatus }
    | undefined;
  if (made === undefined || isTerminalPeering(made.status)) {
    ctx.engine.statement("DELETE FROM client_tokens WHERE account = ? AND token = ?").run(ctx.account, token);
    return undefined;
  }
  if (previous.fingerprint !== print) {
    fail(
      "IDEMPOTENCY_CONFLICT",
      `clientToken "${token}" was already used for peering "${previous.peering_id}" with different parameters.`,
      {
        resource: `peering ${peeringName}`,
        value: token,
        fix: "Use a new client token for a different request.",
      },
    );
  }
  return previous.peering_id;
}

export function recordClientToken(
  ctx: SessionContext,
  token: string,
  print: string,
  peeringId: string,
  now: number,
): void {
  ctx.engine
    .statement(
      "INSERT INTO client_tokens (account, token, fingerprint, peering_id, created_at) VALUES (?, ?, ?, ?, ?)",
    )
    .run(ctx.account, token, print, peeringId, now);
}

/** The kinds of create whose tokens live in create_tokens. */
export type TokenKind = "vpc" | "route" | "subnet";

/** The canonical fingerprint of a create request, without its token. */
export function requestFingerprint(account: string, input: { readonly clientToken?: string }): string {
  const { clientToken: _, ...rest } = input;
  return createHash("sha256")
    .update(canonicalJson({ account, ...rest }))
    .digest("hex");
}

/**
 * The id an earlier create of `kind` with `token` made, or undefined when the token is new (or what it made is
 * gone, which frees the token); refuses the token when the earlier request had other parameters. `exists` says
 * whether the resource is still there.
 */
export function earlierCreate(
  ctx: SessionContext,
  kind: TokenKind,
  token: string,
  print: string,
  exists: (id: string) => boolean,
): string | undefined {
  const previous = ctx.engine
    .statement(
      "SELECT fingerprint, resource_id FROM create_tokens WHERE account = ? AND kind = ? AND token = ?",
    )
    .get(ctx.account, kind, token) as { fingerprint: string; resource_id: string } | undefined;
  if (!previous) return undefined;
  if (!exists(previous.resource_id)) {
    ctx.engine
      .statement("DELETE FROM create_tokens WHERE account = ? AND kind = ? AND token = ?")
      .run(ctx.account, kind, token);
    return undefined;
  }
  if (previous.fingerprint !== print) {
    fail(
      "IDEMPOTENCY_CONFLICT",
      `clientToken "${token}" was already used for ${kind} "${previous.resource_id}" with different parameters.`,
      { resource: kind, value: token, fix: "Use a new client token for a different request." },
    );
  }
  return previous.resource_id;
}

export function recordCreate(
  ctx: SessionContext,
  kind: TokenKind,
  token: string,
  print: string,
  id: string,
  now: number,
): void {
  ctx.engine
    .statement(
      "INSERT INTO create_tokens (account, kind, token, fingerprint, resource_id, created_at) VALUES (?, ?, ?, ?, ?, ?)",
    )
    .run(ctx.account, kind, token, print, id, now);
}

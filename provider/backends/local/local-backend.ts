/**
 * The embedded `local` backend: a SQLite state engine with the clouds' semantics (seeds 000-004), the default
 * backend of every peerlink resource and the model behind the emulator server.
 *
 * `LocalStateEngine` owns the database file; `engine.session(account)` is a Backend bound to one account, which is
 * how the clouds authorize: the caller's identity comes from its credentials. Every operation is one SQLite
 * transaction; writes take the write lock up front (BEGIN IMMEDIATE), so several processes sharing the file
 * (the Pulumi engine runs providers in parallel) serialize instead of interleaving their checks and inserts.
 */
import { createHash } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import { canonicalJson } from "../../core/canonical-json.js";
import {
  CLOUDS,
  type Cloud,
  canonicalCidrText,
  type Diagnostic,
  firstSelfOverlap,
  overlaps,
  parseCidr,
  validateTopology,
} from "../../core/index.js";
import type {
  Backend,
  BackendCapabilities,
  BandwidthLimitInfo,
  CreatePeeringInput,
  CreateRouteInput,
  CreateVpcInput,
  ModifyPeeringInput,
  Page,
  PageResult,
  PeeringFilter,
  PeeringInfo,
  PeeringStatus,
  RouteInfo,
  RouteTableInfo,
  SetBandwidthLimitInput,
  VpcInfo,
} from "../backend.js";
import { BACKEND_CAPABILITIES } from "../capabilities.js";
import { type Clock, systemClock } from "../clock.js";
import { type BackendCode, BackendError, TENCENT_CLOUD_CODES } from "../errors.js";
import { type Db, openDatabase, type Statement } from "./database.js";
import { newId } from "./ids.js";
import {
  initialStatus,
  isLive,
  PENDING_TTL_MS,
  type PeeringAction,
  transition,
} from "./peering-state-machine.js";
import {
  type BandwidthLimitRow,
  bandwidthLimitInfo,
  type PeeringRow,
  peeringInfo,
  peeringStatus,
  type RouteRow,
  type RouteTableRow,
  routeInfo,
  routeTableInfo,
  type VpcRow,
  vpcInfo,
} from "./rows.js";
import { emptyDocument, peeringSpecOf, refusal, vpcSpecOf } from "./rules.js";
import { resolveStatePath } from "./state-path.js";

export interface LocalStateOptions {
  /** The state file. ":memory:" keeps it in this process only. @default `PEERLINK_STATE`, else `.peerlink/state.db` */
  readonly file?: string;
  /** @default the system clock */
  readonly clock?: Clock;
  /** The cloud whose rules a VPC follows when `createVpc` does not say. @default "tencentcloud" */
  readonly defaultCloud?: Cloud;
  /** Simulated network latency added to every call, in ms (to test callers' waiting). @default 0 */
  readonly latencyMs?: number;
  /**
   * When above 0, a new peering shows CREATING and an accepted one ACCEPTING for this long (by the clock) before
   * settling, as cloud tasks do, so that callers' waiting logic is exercised. @default 0 (settle at once)
   */
  readonly transientPhaseMs?: number;
  /** How long a write waits for another process's lock. @default 30000 */
  readonly busyTimeoutMs?: number;
}

/** Baidu clientToken: "an ASCII string with a length not exceeding 64" (seed 001). */
const CLIENT_TOKEN = /^[\x20-\x7e]{1,64}$/;

function fail(
  code: BackendCode,
  message: string,
  extra: { resource?: string; value?: string; fix?: string; cloudCode?: string } = {},
): never {
  throw new BackendError(code, message, {
    cloudCode: extra.cloudCode ?? TENCENT_CLOUD_CODES[code],
    ...extra,
  });
}

/**
 * Two blocks of one VPC that overlap, refused with the cloud's own code before the core validators (which report
 * the same overlap as INVALID_CIDR): Tencent answers InvalidParameterValue.VpcCidrConflict (core/cidr.ts
 * firstSelfOverlap).
 */
function refuseOwnOverlap(vpcName: string, cidrs: readonly string[]): void {
  const parsed = cidrs.map((text) => parseCidr(text)).flatMap((p) => (p.ok ? [p.cidr] : []));
  const own = parsed.length === cidrs.length ? firstSelfOverlap(parsed) : undefined;
  if (!own) return;
  fail(
    "INVALID_CIDR",
    `VPC "${vpcName}" CIDR ${own.right.text} overlaps its own CIDR ${own.left.text}; the CIDRs of one VPC must be disjoint.`,
    {
      resource: `vpc ${vpcName}`,
      value: own.right.text,
      fix: `Remove ${own.right.text}, or use a secondary block disjoint from ${own.left.text}.`,
      cloudCode: "InvalidParameterValue.VpcCidrConflict",
    },
  );
}

/** A diagnostic's identity, to tell the problems a change brings from those already there. */
function diagnosticKey(d: Diagnostic): string {
  return `${d.code}\u0000${d.resource}\u0000${d.message}`;
}

function pairOf(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

function fingerprint(account: string, input: CreatePeeringInput): string {
  const { clientToken: _, ...rest } = input;
  const normalized = { ...rest, peerAccount: input.peerAccount ?? account };
  // Canonical, so the same tags in another key order are the same request (a retry must not get
  // IDEMPOTENCY_CONFLICT).
  return createHash("sha256").update(canonicalJson(normalized)).digest("hex");
}

const STATE_FIX: Partial<Record<PeeringStatus, string>> = {
  ACTIVE: "The peering is already active; nothing to do.",
  EXPIRED:
    "The request expired after 7 days; the requester can re-enable it (enablePeering) or create a new one.",
  REJECTED: "The accepter rejected it; delete it and create a new request if the accepter agrees.",
  DELETED: "The peering was deleted; create a new one.",
  CREATING: "The peering is still being created; wait until it is PENDING or ACTIVE.",
  ACCEPTING: "The peering is being accepted; wait until it is ACTIVE.",
  PENDING: "Wait for the accepter to accept it.",
};

export class LocalStateEngine {
  readonly file: string;
  readonly clock: Clock;
  readonly options: LocalStateOptions;
  readonly #db: Db;
  readonly #statements = new Map<string, Statement>();
  #closed = false;

  private constructor(file: string, options: LocalStateOptions) {
    this.file = file;
    this.options = options;
    this.clock = options.clock ?? systemClock;
    this.#db = openDatabase(
      file,
      options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs },
    );
  }

  static open(options: LocalStateOptions = {}): LocalStateEngine {
    return new LocalStateEngine(resolveStatePath(options.file), options);
  }

  /** A Backend that acts as `account`. */
  session(account: string): LocalBackend {
    if (!account)
      fail("AUTH_FAILED", "A local backend session needs an account id.", { fix: "Pass an account." });
    return new LocalBackend(this, account, false);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#db.close();
  }

  /** @internal */
  statement(sql: string): Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /** @internal One write transaction: take the lock, settle due state changes, then act. */
  write<T>(fn: (now: number) => T): T {
    this.#assertOpen();
    return this.#db
      .transaction(() => {
        const now = this.clock.now();
        this.#settle(now);
        return fn(now);
      })
      .immediate();
  }

  /** @internal One read transaction: a consistent snapshot without the write lock. */
  read<T>(fn: (now: number) => T): T {
    this.#assertOpen();
    return this.#db.transaction(() => fn(this.clock.now())).deferred();
  }

  /** Stores what time has already decided: finished transient phases, and expired requests (seed 000: 7 days). */
  #settle(now: number): void {
    this.statement(
      `UPDATE peerings SET status = settle_status, settle_status = NULL, settle_at = NULL, updated_at = settle_at
       WHERE settle_at IS NOT NULL AND settle_at <= ?`,
    ).run(now);
    this.statement(
      `UPDATE peerings SET status = 'EXPIRED', updated_at = expires_at
       WHERE status = 'PENDING' AND expires_at IS NOT NULL AND expires_at <= ?`,
    ).run(now);
  }

  #assertOpen(): void {
    if (this.#closed) fail("BACKEND_UNAVAILABLE", `The local state file ${this.file} was closed.`);
  }
}

/** Opens the state file and returns a session for `account` that closes the file when it is closed. */
export function openLocalBackend(
  options: LocalStateOptions & { readonly account?: string } = {},
): LocalBackend {
  const engine = LocalStateEngine.open(options);
  const account = options.account ?? process.env.PEERLINK_ACCOUNT ?? "local";
  const session = engine.session(account);
  return new LocalBackend(engine, session.account, true);
}

export class LocalBackend implements Backend {
  readonly kind = "local";
  readonly account: string;
  readonly engine: LocalStateEngine;
  readonly #ownsEngine: boolean;

  /** @internal use `engine.session(account)` or `openLocalBackend()` */
  constructor(engine: LocalStateEngine, account: string, ownsEngine: boolean) {
    this.engine = engine;
    this.account = account;
    this.#ownsEngine = ownsEngine;
  }

  capabilities(): BackendCapabilities {
    return BACKEND_CAPABILITIES.local;
  }

  async close(): Promise<void> {
    if (this.#ownsEngine) this.engine.close();
  }

  // ---------------------------------------------------------------- VPCs and route tables

  async createVpc(input: CreateVpcInput): Promise<VpcInfo> {
    await this.#latency();
    const cloud = input.cloud ?? this.engine.options.defaultCloud ?? "tencentcloud";
    if (!CLOUDS.includes(cloud)) {
      fail("INVALID_PARAMETER", `VPC "${input.name}": cloud "${cloud}" is not one of ${CLOUDS.join(", ")}.`, {
        resource: "vpc",
        value: String(cloud),
        fix: `Use one of ${CLOUDS.join(", ")}.`,
      });
    }
    if (!input.name || !input.region) {
      fail(
        "INVALID_PARAMETER",
        `A VPC needs a name and a region (got name "${input.name}", region "${input.region}").`,
        {
          resource: "vpc",
          fix: "Give both.",
          cloudCode: "MissingParameter",
        },
      );
    }
    const extraTables = input.routeTables ?? [];
    const duplicateTable = extraTables.find((t, i) => t === "main" || extraTables.indexOf(t) !== i);
    if (duplicateTable !== undefined) {
      fail(
        "INVALID_PARAMETER",
        `VPC "${input.name}": route table name "${duplicateTable}" is used twice or is reserved.`,
        {
          resource: `vpc ${input.name}`,
          value: duplicateTable,
          fix: 'Give every extra route table a distinct name other than "main".',
          cloudCode: "InvalidParameterValue.Duplicate",
        },
      );
    }
    const id = newId(cloud, "vpc");
    const cidrs = input.cidrs.map(canonicalCidrText);
    if (cidrs.length === 0) {
      fail("INVALID_PARAMETER", `VPC "${input.name}" has no CIDR block.`, {
        resource: `vpc ${input.name}`,
        fix: "Give the primary CIDR first, e.g. 10.0.0.0/16, then any secondary CIDRs.",
        cloudCode: "MissingParameter",
      });
    }
    refuseOwnOverlap(input.name, cidrs);
    const document = emptyDocument();
    document.vpcs.push({ id, cloud, region: input.region, account: this.account, cidrs });
    const refused = refusal(document, () => true);
    if (refused) throw refused;
    return this.engine.write((now) => {
      this.engine
        .statement(
          "INSERT INTO vpcs (id, account, cloud, region, name, cidrs, tags, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .run(
          id,
          this.account,
          cloud,
          input.region,
          input.name,
          JSON.stringify(cidrs),
          JSON.stringify(input.tags ?? {}),
          now,
        );
      const insertTable = this.engine.statement(
        "INSERT INTO route_tables (id, vpc_id, name, main) VALUES (?, ?, ?, ?)",
      );
      insertTable.run(newId(cloud, "rtb"), id, "main", 1);
      for (const name of extraTables) insertTable.run(newId(cloud, "rtb"), id, name, 0);
      return this.#vpcInfo(this.#ownVpc(id));
    });
  }

  async describeVpc(id: string): Promise<VpcInfo> {
    await this.#latency();
    return this.engine.read(() => this.#vpcInfo(this.#ownVpc(id)));
  }

  async listVpcs(): Promise<readonly VpcInfo[]> {
    await this.#latency();
    return this.engine.read(() => {
      const rows = this.engine
        .statement("SELECT * FROM vpcs WHERE account = ? ORDER BY created_at, rowid")
        .all(this.account) as VpcRow[];
      return rows.map((row) => this.#vpcInfo(row));
    });
  }

  async deleteVpc(id: string): Promise<void> {
    await this.#latency();
    this.engine.write(() => {
      this.#ownVpc(id);
      const live = (
        this.engine
          .statement("SELECT * FROM peerings WHERE vpc_id = ? OR peer_vpc_id = ?")
          .all(id, id) as PeeringRow[]
      ).filter((p) => isLive(p.status));
      if (live.length > 0) {
        fail(
          "VPC_IN_USE",
          `VPC "${id}" is a side of peering(s) ${live.map((p) => `"${p.id}" (${p.status})`).join(", ")}.`,
          {
            resource: `vpc ${id}`,
            value: id,
            fix: "Delete those peerings first.",
          },
        );
      }
      this.engine.statement("DELETE FROM routes WHERE vpc_id = ?").run(id);
      this.engine.statement("DELETE FROM vpcs WHERE id = ?").run(id);
    });
  }

  async setSecondaryCidrs(vpcId: string, secondary: readonly string[]): Promise<VpcInfo> {
    await this.#latency();
    return this.engine.write(() => {
      const row = this.#ownVpc(vpcId);
      const primary = (JSON.parse(row.cidrs) as string[])[0]!;
      const cidrs = [primary, ...secondary.map(canonicalCidrText)];
      refuseOwnOverlap(row.name, cidrs);
      // The neighbourhood: this VPC, its live peerings, and its peers' live peerings (a peer's cross-region peers
      // must stay disjoint, seed 000). Only problems the new blocks bring are refusals.
      const peers = this.#livePeeringsOf([vpcId]).map((p) => (p.vpc_id === vpcId ? p.peer_vpc_id : p.vpc_id));
      const before = this.#documentOf(this.#livePeeringsOf([vpcId, ...peers]), [vpcId]);
      const known = new Set(validateTopology(before).diagnostics.map(diagnosticKey));
      const after = {
        ...before,
        vpcs: before.vpcs.map((v) => (v.id === vpcId ? { ...v, cidrs } : v)),
      };
      const refused = refusal(after, (d) => !known.has(diagnosticKey(d)));
      if (refused) throw refused;
      this.engine.statement("UPDATE vpcs SET cidrs = ? WHERE id = ?").run(JSON.stringify(cidrs), vpcId);
      return this.#vpcInfo({ ...row, cidrs: JSON.stringify(cidrs) });
    });
  }

  async createRouteTable(vpcId: string, name: string): Promise<RouteTableInfo> {
    await this.#latency();
    return this.engine.write(() => {
      const vpc = this.#ownVpc(vpcId);
      const exists = this.engine
        .statement("SELECT 1 FROM route_tables WHERE vpc_id = ? AND name = ?")
        .get(vpcId, name);
      // Fix: an empty name used to be reported as "already has a route table named """.
      if (!name) {
        fail("INVALID_PARAMETER", `A route table of VPC "${vpcId}" needs a name.`, {
          resource: `vpc ${vpcId}`,
          fix: "Give the route table a non-empty name.",
          cloudCode: "MissingParameter",
        });
      }
      if (exists) {
        fail("INVALID_PARAMETER", `VPC "${vpcId}" already has a route table named "${name}".`, {
          resource: `vpc ${vpcId}`,
          value: name,
          fix: "Choose another name, or use the existing table.",
          cloudCode: "InvalidParameterValue.Duplicate",
        });
      }
      const id = newId(vpc.cloud, "rtb");
      this.engine
        .statement("INSERT INTO route_tables (id, vpc_id, name, main) VALUES (?, ?, ?, 0)")
        .run(id, vpcId, name);
      return routeTableInfo(this.#routeTable(id));
    });
  }

  async listRouteTables(vpcId: string): Promise<readonly RouteTableInfo[]> {
    await this.#latency();
    return this.engine.read(() => {
      this.#ownVpc(vpcId);
      return this.#tablesOf(vpcId).map(routeTableInfo);
    });
  }

  // ---------------------------------------------------------------- peerings

  async createPeering(input: CreatePeeringInput): Promise<PeeringInfo> {
    await this.#latency();
    const token = input.clientToken;
    if (token !== undefined && !CLIENT_TOKEN.test(token)) {
      fail(
        "INVALID_PARAMETER",
        `clientToken "${token.slice(0, 80)}" is not 1-64 printable ASCII characters.`,
        {
          resource: "peering",
          value: token,
          fix: "Use a printable ASCII token of at most 64 characters (a UUID works).",
        },
      );
    }
    const print = fingerprint(this.account, input);
    return this.engine.write((now) => {
      if (token !== undefined) {
        const previous = this.engine
          .statement("SELECT fingerprint, peering_id FROM client_tokens WHERE account = ? AND token = ?")
          .get(this.account, token) as { fingerprint: string; peering_id: string } | undefined;
        if (previous) {
          if (previous.fingerprint !== print) {
            fail(
              "IDEMPOTENCY_CONFLICT",
              `clientToken "${token}" was already used for peering "${previous.peering_id}" with different parameters.`,
              {
                resource: `peering ${input.name}`,
                value: token,
                fix: "Use a new client token for a different request.",
              },
            );
          }
          return peeringInfo(this.#peeringRow(previous.peering_id), now);
        }
      }
      const vpc = this.#ownVpc(input.vpcId);
      const peerAccount = input.peerAccount ?? this.account;
      const peerVpc = this.engine
        .statement("SELECT * FROM vpcs WHERE id = ? AND account = ?")
        .get(input.peerVpcId, peerAccount) as VpcRow | undefined;
      if (!peerVpc) {
        fail("NOT_FOUND", `Peer VPC "${input.peerVpcId}" does not exist in account "${peerAccount}".`, {
          resource: `peering ${input.name}`,
          value: input.peerVpcId,
          fix:
            peerAccount === this.account
              ? "Check peerVpcId; for a VPC of another account, also set peerAccount to that account's id."
              : "Check peerVpcId and peerAccount (the peer VPC's owner).",
        });
      }
      if (input.peerRegion !== undefined && input.peerRegion !== peerVpc.region) {
        fail(
          "INVALID_PARAMETER",
          `peerRegion "${input.peerRegion}" does not match peer VPC "${peerVpc.id}", which is in "${peerVpc.region}".`,
          {
            resource: `peering ${input.name}`,
            value: input.peerRegion,
            fix: `Set peerRegion to "${peerVpc.region}" or omit it.`,
          },
        );
      }
      const id = newId(vpc.cloud, "pcx");
      const candidate = {
        id,
        name: input.name,
        vpc_id: vpc.id,
        peer_vpc_id: peerVpc.id,
        bandwidth_mbps: input.bandwidthMbps ?? null,
        charge_type: input.chargeType ?? null,
        service_level: input.serviceLevel ?? null,
      };
      const refused = this.#checkPeering(candidate, [vpc.id, peerVpc.id]);
      if (refused) throw refused;

      const settled = initialStatus(this.account, peerAccount);
      const transient = this.engine.options.transientPhaseMs ?? 0;
      const [lo, hi] = pairOf(vpc.id, peerVpc.id);
      try {
        this.engine
          .statement(
            `INSERT INTO peerings (id, cloud, name, description, vpc_id, region, account, peer_vpc_id, peer_region,
               peer_account, pair_lo, pair_hi, status, settle_status, settle_at, bandwidth_mbps, charge_type,
               service_level, dns_sync, tags, created_at, updated_at, expires_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`,
          )
          .run(
            id,
            vpc.cloud,
            input.name,
            input.description ?? "",
            vpc.id,
            vpc.region,
            this.account,
            peerVpc.id,
            peerVpc.region,
            peerAccount,
            lo,
            hi,
            transient > 0 ? "CREATING" : settled,
            transient > 0 ? settled : null,
            transient > 0 ? now + transient : null,
            candidate.bandwidth_mbps,
            candidate.charge_type,
            candidate.service_level,
            JSON.stringify(input.tags ?? {}),
            now,
            now,
            settled === "PENDING" ? now + PENDING_TTL_MS : null,
          );
      } catch (error) {
        // The partial unique index is the last line of defence for the one-peering-per-pair rule.
        if ((error as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE") {
          fail("DUPLICATE_PEERING", `VPCs "${vpc.id}" and "${peerVpc.id}" already have a live peering.`, {
            resource: `peering ${input.name}`,
            fix: "Use the existing peering.",
          });
        }
        throw error;
      }
      if (token !== undefined) {
        this.engine
          .statement(
            "INSERT INTO client_tokens (account, token, fingerprint, peering_id, created_at) VALUES (?, ?, ?, ?, ?)",
          )
          .run(this.account, token, print, id, now);
      }
      return peeringInfo(this.#peeringRow(id), now);
    });
  }

  async describePeering(id: string): Promise<PeeringInfo> {
    await this.#latency();
    return this.engine.read((now) => peeringInfo(this.#sidePeering(id), now));
  }

  async listPeerings(filter: PeeringFilter = {}, page: Page = {}): Promise<PageResult<PeeringInfo>> {
    await this.#latency();
    const offset = page.offset ?? 0;
    const limit = page.limit ?? 100;
    if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1 || limit > 1000) {
      fail("INVALID_PARAMETER", `Paging offset ${offset} / limit ${limit} is out of range.`, {
        resource: "listPeerings",
        fix: "Use an offset >= 0 and a limit between 1 and 1000.",
        cloudCode: "InvalidParameterValue.Range",
      });
    }
    return this.engine.read((now) => {
      let rows = this.engine
        .statement("SELECT * FROM peerings WHERE account = ? OR peer_account = ? ORDER BY created_at, rowid")
        .all(this.account, this.account) as PeeringRow[];
      if (filter.vpcId !== undefined)
        rows = rows.filter((r) => r.vpc_id === filter.vpcId || r.peer_vpc_id === filter.vpcId);
      if (filter.name !== undefined) rows = rows.filter((r) => r.name === filter.name);
      if (filter.ids !== undefined) {
        const ids = new Set(filter.ids);
        rows = rows.filter((r) => ids.has(r.id));
      }
      let items = rows.map((r) => peeringInfo(r, now));
      if (filter.status !== undefined) {
        const wanted = new Set(filter.status);
        items = items.filter((p) => wanted.has(p.status));
      }
      return { items: items.slice(offset, offset + limit), total: items.length };
    });
  }

  async acceptPeering(id: string): Promise<PeeringInfo> {
    await this.#latency();
    return this.engine.write((now) => {
      const row = this.#accepterPeering(id, "accept");
      this.#transition(row, "accept");
      const transient = this.engine.options.transientPhaseMs ?? 0;
      this.engine
        .statement(
          "UPDATE peerings SET status = ?, settle_status = ?, settle_at = ?, expires_at = NULL, updated_at = ? WHERE id = ?",
        )
        .run(
          transient > 0 ? "ACCEPTING" : "ACTIVE",
          transient > 0 ? "ACTIVE" : null,
          transient > 0 ? now + transient : null,
          now,
          id,
        );
      return peeringInfo(this.#peeringRow(id), now);
    });
  }

  async rejectPeering(id: string): Promise<PeeringInfo> {
    await this.#latency();
    return this.engine.write((now) => {
      const row = this.#accepterPeering(id, "reject");
      const next = this.#transition(row, "reject");
      this.engine
        .statement("UPDATE peerings SET status = ?, expires_at = NULL, updated_at = ? WHERE id = ?")
        .run(next, now, id);
      return peeringInfo(this.#peeringRow(id), now);
    });
  }

  async modifyPeering(id: string, changes: ModifyPeeringInput): Promise<PeeringInfo> {
    await this.#latency();
    return this.engine.write((now) => {
      const row = this.#sidePeering(id);
      this.#transition(row, "modify");
      const updated = {
        ...row,
        name: changes.name ?? row.name,
        bandwidth_mbps: changes.bandwidthMbps ?? row.bandwidth_mbps,
        charge_type: changes.chargeType ?? row.charge_type,
      };
      const refused = this.#checkPeering(updated, [row.vpc_id, row.peer_vpc_id], id);
      if (refused) throw refused;
      this.engine
        .statement(
          "UPDATE peerings SET name = ?, description = ?, bandwidth_mbps = ?, charge_type = ?, tags = ?, updated_at = ? WHERE id = ?",
        )
        .run(
          updated.name,
          changes.description ?? row.description,
          updated.bandwidth_mbps,
          updated.charge_type,
          changes.tags === undefined ? row.tags : JSON.stringify(changes.tags),
          now,
          id,
        );
      return peeringInfo(this.#peeringRow(id), now);
    });
  }

  async enablePeering(id: string): Promise<PeeringInfo> {
    await this.#latency();
    return this.engine.write((now) => {
      const row = this.#sidePeering(id);
      if (row.account !== this.account) {
        fail(
          "PERMISSION_DENIED",
          `Only the requester account "${row.account}" can re-enable peering "${id}".`,
          {
            resource: `peering ${id}`,
            value: this.account,
            fix: `Call enablePeering as account "${row.account}".`,
          },
        );
      }
      const next = this.#transition(row, "enable");
      this.engine
        .statement("UPDATE peerings SET status = ?, expires_at = ?, updated_at = ? WHERE id = ?")
        .run(next, now + PENDING_TTL_MS, now, id);
      return peeringInfo(this.#peeringRow(id), now);
    });
  }

  async deletePeering(id: string): Promise<void> {
    await this.#latency();
    this.engine.write((now) => {
      const row = this.#sidePeering(id);
      this.#transition(row, "delete");
      // seed 000: deleting a peering removes the routes through it, on both sides.
      this.engine.statement("DELETE FROM routes WHERE peering_id = ?").run(id);
      this.engine.statement("DELETE FROM bandwidth_limits WHERE peering_id = ?").run(id);
      this.engine
        .statement(
          "UPDATE peerings SET status = 'DELETED', settle_status = NULL, settle_at = NULL, expires_at = NULL, updated_at = ? WHERE id = ?",
        )
        .run(now, id);
    });
  }

  // ---------------------------------------------------------------- routes

  async createRoute(input: CreateRouteInput): Promise<RouteInfo> {
    await this.#latency();
    return this.engine.write((now) => {
      const vpc = this.#ownVpc(input.vpcId);
      const tables = this.#tablesOf(vpc.id);
      const table =
        input.routeTableId === undefined
          ? tables.find((t) => t.main === 1)
          : tables.find((t) => t.id === input.routeTableId);
      if (!table) {
        fail("NOT_FOUND", `Route table "${input.routeTableId}" does not exist in VPC "${vpc.id}".`, {
          resource: `route ${input.destination}`,
          value: input.routeTableId,
          fix: `Use one of ${tables.map((t) => `"${t.id}" (${t.name})`).join(", ")}, or omit routeTableId for the main table.`,
        });
      }
      const peering = this.#sidePeering(input.peeringId);
      const status = peeringStatus(peering, now);
      const onPeering = peering.vpc_id === vpc.id || peering.peer_vpc_id === vpc.id;
      if (onPeering && status !== "ACTIVE") {
        fail("PEERING_NOT_ACTIVE", `Peering "${peering.id}" is ${status}; routes need an ACTIVE peering.`, {
          resource: `route ${input.destination}`,
          value: peering.id,
          fix: STATE_FIX[status] ?? "Wait until the peering is ACTIVE.",
        });
      }
      // The neighbourhood: this VPC, its peers, the peer's peers (so a transitive route names its chain), the
      // peerings between them, and the routes already in this table.
      const peerId = peering.vpc_id === vpc.id ? peering.peer_vpc_id : peering.vpc_id;
      const peerings = this.#livePeeringsOf([vpc.id, peerId]);
      const document = this.#documentOf(peerings, [vpc.id, peering.vpc_id, peering.peer_vpc_id]);
      if (!peerings.some((p) => p.id === peering.id)) document.peerings.push(peeringSpecOf(peering));
      const existing = this.engine
        .statement("SELECT * FROM routes WHERE route_table_id = ? ORDER BY created_at, rowid")
        .all(table.id) as RouteRow[];
      for (const route of existing) {
        document.routes.push({
          vpc: vpc.id,
          ...(table.main === 1 ? {} : { routeTable: table.id }),
          destination: route.destination,
          peering: route.peering_id,
        });
      }
      const index = document.routes.length;
      document.routes.push({
        vpc: vpc.id,
        ...(table.main === 1 ? {} : { routeTable: table.id }),
        destination: input.destination,
        peering: peering.id,
      });
      const refused = refusal(
        document,
        (d) => d.resource === `routes[${index}]`,
        (d) => this.#routeCloudCode(d, input.destination, peering.id, vpc, existing),
      );
      if (refused) throw refused;
      const destination = canonicalCidrText(input.destination);
      const id = newId(vpc.cloud, "rti");
      this.engine
        .statement(
          "INSERT INTO routes (id, vpc_id, route_table_id, destination, peering_id, description, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        )
        .run(id, vpc.id, table.id, destination, peering.id, input.description ?? "", now);
      return routeInfo(this.engine.statement("SELECT * FROM routes WHERE id = ?").get(id) as RouteRow);
    });
  }

  async deleteRoute(id: string): Promise<void> {
    await this.#latency();
    this.engine.write(() => {
      const row = this.engine.statement("SELECT * FROM routes WHERE id = ?").get(id) as RouteRow | undefined;
      if (!row || !this.#isOwnVpc(row.vpc_id)) this.#notFound("route", id);
      this.engine.statement("DELETE FROM routes WHERE id = ?").run(id);
    });
  }

  async listRoutes(routeTableId: string): Promise<readonly RouteInfo[]> {
    await this.#latency();
    return this.engine.read(() => {
      const table = this.#routeTable(routeTableId);
      if (!this.#isOwnVpc(table.vpc_id)) this.#notFound("route table", routeTableId);
      // Lists come in creation order: rowid breaks ties within one millisecond (ids are random, so ordering by id
      // shuffled a batch created at once, e.g. the routes of one CreateRoutes call).
      const rows = this.engine
        .statement("SELECT * FROM routes WHERE route_table_id = ? ORDER BY created_at, rowid")
        .all(routeTableId) as RouteRow[];
      return rows.map(routeInfo);
    });
  }

  // ---------------------------------------------------------------- per-IP bandwidth limits

  async setBandwidthLimit(peeringId: string, input: SetBandwidthLimitInput): Promise<BandwidthLimitInfo> {
    await this.#latency();
    return this.engine.write((now) => {
      const peering = this.#sidePeering(peeringId);
      const status = peeringStatus(peering, now);
      if (status !== "ACTIVE") {
        fail(
          "PEERING_NOT_ACTIVE",
          `Peering "${peeringId}" is ${status}; per-IP limits need an ACTIVE peering.`,
          {
            resource: `peering ${peeringId}`,
            fix: STATE_FIX[status] ?? "Wait until the peering is ACTIVE.",
          },
        );
      }
      // Fix: the core schema's `limitMbps: positive` was never checked (validateTopology skips the schema), so 0
      // and negative limits were stored, and NaN surfaced as a raw SQLite NOT NULL error.
      if (!Number.isFinite(input.limitMbps) || input.limitMbps <= 0) {
        fail(
          "INVALID_PARAMETER",
          `Per-IP limit for ${input.ip} on peering "${peeringId}": limitMbps ${input.limitMbps} is not a positive number.`,
          {
            resource: `peering ${peeringId}`,
            value: String(input.limitMbps),
            fix: "Set limitMbps to a positive number of Mbps, at most the peering's bandwidth.",
            cloudCode: "InvalidParameterValue.Range",
          },
        );
      }
      const vpcId = input.vpcId ?? peering.vpc_id;
      // Fix: the named VPC joins the document, so that a VPC which is not a side gets the core rule's "not a side
      // of peering" refusal instead of UNKNOWN_REFERENCE "names no VPC in the document".
      const document = this.#documentOf([peering], [peering.vpc_id, peering.peer_vpc_id, vpcId]);
      const others = (
        this.engine
          .statement("SELECT * FROM bandwidth_limits WHERE peering_id = ?")
          .all(peeringId) as BandwidthLimitRow[]
      ).filter((l) => l.ip !== input.ip);
      for (const limit of others) {
        document.bandwidthPolicies.push({
          peering: peeringId,
          vpc: limit.vpc_id,
          ip: limit.ip,
          limitMbps: limit.limit_mbps,
        });
      }
      const index = document.bandwidthPolicies.length;
      document.bandwidthPolicies.push({
        peering: peeringId,
        vpc: vpcId,
        ip: input.ip,
        limitMbps: input.limitMbps,
      });
      const refused = refusal(document, (d) => d.resource === `bandwidthPolicies[${index}]`);
      if (refused) throw refused;
      this.engine
        .statement(
          `INSERT INTO bandwidth_limits (peering_id, vpc_id, ip, limit_mbps) VALUES (?, ?, ?, ?)
           ON CONFLICT (peering_id, ip) DO UPDATE SET vpc_id = excluded.vpc_id, limit_mbps = excluded.limit_mbps`,
        )
        .run(peeringId, vpcId, input.ip, input.limitMbps);
      return { peeringId, vpcId, ip: input.ip, limitMbps: input.limitMbps };
    });
  }

  async listBandwidthLimits(peeringId: string): Promise<readonly BandwidthLimitInfo[]> {
    await this.#latency();
    return this.engine.read(() => {
      this.#sidePeering(peeringId);
      const rows = this.engine
        .statement("SELECT * FROM bandwidth_limits WHERE peering_id = ? ORDER BY ip")
        .all(peeringId) as BandwidthLimitRow[];
      return rows.map(bandwidthLimitInfo);
    });
  }

  async removeBandwidthLimit(peeringId: string, ip: string): Promise<void> {
    await this.#latency();
    this.engine.write(() => {
      this.#sidePeering(peeringId);
      const removed = this.engine
        .statement("DELETE FROM bandwidth_limits WHERE peering_id = ? AND ip = ?")
        .run(peeringId, ip);
      if (removed.changes === 0) this.#notFound("bandwidth limit", `${peeringId}/${ip}`);
    });
  }

  // ---------------------------------------------------------------- helpers

  async #latency(): Promise<void> {
    const ms = this.engine.options.latencyMs ?? 0;
    if (ms > 0) await delay(ms);
  }

  #notFound(kind: string, id: string): never {
    fail("NOT_FOUND", `No ${kind} "${id}" is visible to account "${this.account}".`, {
      resource: `${kind} ${id}`,
      value: id,
      fix: `Check the ${kind} id and the account the credentials belong to.`,
    });
  }

  #isOwnVpc(id: string): boolean {
    return (
      this.engine.statement("SELECT 1 FROM vpcs WHERE id = ? AND account = ?").get(id, this.account) !==
      undefined
    );
  }

  /** A VPC of the caller's account; other accounts' VPCs are invisible, as on the clouds. */
  #ownVpc(id: string): VpcRow {
    const row = this.engine
      .statement("SELECT * FROM vpcs WHERE id = ? AND account = ?")
      .get(id, this.account) as VpcRow | undefined;
    if (!row) this.#notFound("VPC", id);
    return row;
  }

  #tablesOf(vpcId: string): RouteTableRow[] {
    return this.engine
      .statement("SELECT * FROM route_tables WHERE vpc_id = ? ORDER BY main DESC, name")
      .all(vpcId) as RouteTableRow[];
  }

  #routeTable(id: string): RouteTableRow {
    const row = this.engine.statement("SELECT * FROM route_tables WHERE id = ?").get(id) as
      | RouteTableRow
      | undefined;
    if (!row) this.#notFound("route table", id);
    return row;
  }

  #vpcInfo(row: VpcRow): VpcInfo {
    return vpcInfo(row, this.#tablesOf(row.id));
  }

  #peeringRow(id: string): PeeringRow {
    const row = this.engine.statement("SELECT * FROM peerings WHERE id = ?").get(id) as
      | PeeringRow
      | undefined;
    if (!row) this.#notFound("peering", id);
    return row;
  }

  /** A peering the caller may act on: it exists, and the caller is a side (else the cloud's permission error). */
  #sidePeering(id: string): PeeringRow {
    const row = this.#peeringRow(id);
    if (row.account !== this.account && row.peer_account !== this.account) {
      fail("PERMISSION_DENIED", `Account "${this.account}" is not a side of peering "${id}".`, {
        resource: `peering ${id}`,
        value: this.account,
        fix: `Use the credentials of account "${row.account}" (requester) or "${row.peer_account}" (accepter).`,
      });
    }
    return row;
  }

  #accepterPeering(id: string, action: "accept" | "reject"): PeeringRow {
    const row = this.#sidePeering(id);
    if (row.peer_account !== this.account) {
      fail(
        "PERMISSION_DENIED",
        `Only the accepter account "${row.peer_account}" can ${action} peering "${id}".`,
        {
          resource: `peering ${id}`,
          value: this.account,
          fix: `Call ${action}Peering with the credentials of account "${row.peer_account}".`,
        },
      );
    }
    return row;
  }

  /** The next state for `action`, or the cloud's state-change error naming the state and what to do. */
  #transition(row: PeeringRow, action: PeeringAction): PeeringStatus {
    const next = transition(action, row.status);
    if (next === undefined) {
      fail("INVALID_STATE_TRANSITION", `Cannot ${action} peering "${row.id}": it is ${row.status}.`, {
        resource: `peering ${row.id}`,
        value: row.status,
        fix: STATE_FIX[row.status] ?? "Check the peering's state first.",
      });
    }
    return next;
  }

  #livePeeringsOf(vpcIds: readonly string[]): PeeringRow[] {
    const seen = new Map<string, PeeringRow>();
    const statement = this.engine.statement("SELECT * FROM peerings WHERE vpc_id = ? OR peer_vpc_id = ?");
    for (const vpcId of vpcIds) {
      for (const row of statement.all(vpcId, vpcId) as PeeringRow[])
        if (isLive(row.status)) seen.set(row.id, row);
    }
    return [...seen.values()].sort((a, b) => a.created_at - b.created_at || (a.id < b.id ? -1 : 1));
  }

  /** A topology document of the given peerings, their VPCs, and `extraVpcs`. */
  #documentOf(peerings: readonly PeeringRow[], extraVpcs: readonly string[]) {
    const document = emptyDocument();
    const vpcIds = new Set(extraVpcs);
    for (const p of peerings) vpcIds.add(p.vpc_id).add(p.peer_vpc_id);
    const statement = this.engine.statement("SELECT * FROM vpcs WHERE id = ?");
    for (const id of vpcIds) {
      const row = statement.get(id) as VpcRow | undefined;
      if (row) document.vpcs.push(vpcSpecOf(row, this.#tablesOf(id)));
    }
    for (const p of peerings) document.peerings.push(peeringSpecOf(p));
    return document;
  }

  /**
   * Runs the core peering rules (self-peering, duplicate pair, CIDR overlap, cross-region peer conflicts, the
   * per-VPC limit, name, bandwidth, charge type) on the two VPCs' neighbourhood with `candidate` added last.
   */
  #checkPeering(
    candidate: Parameters<typeof peeringSpecOf>[0],
    vpcIds: readonly string[],
    replacing?: string,
  ): BackendError | undefined {
    const existing = this.#livePeeringsOf(vpcIds).filter((p) => p.id !== replacing);
    const document = this.#documentOf(existing, vpcIds);
    document.peerings.push(peeringSpecOf(candidate));
    if (replacing !== undefined) {
      const limits = this.engine
        .statement("SELECT * FROM bandwidth_limits WHERE peering_id = ?")
        .all(replacing) as BandwidthLimitRow[];
      for (const l of limits)
        document.bandwidthPolicies.push({
          peering: replacing,
          vpc: l.vpc_id,
          ip: l.ip,
          limitMbps: l.limit_mbps,
        });
    }
    const own = `peerings[${candidate.id}]`;
    const sides = new Set(vpcIds.map((id) => `vpcs[${id}]`));
    return refusal(
      document,
      (d) =>
        d.resource === own ||
        (d.code === "PEERING_LIMIT_EXCEEDED" && sides.has(d.resource)) ||
        (d.code === "BANDWIDTH_POLICY_INVALID" && replacing !== undefined),
      (d) =>
        d.code === "INVALID_NAME" && candidate.name === ""
          ? "InvalidParameterValue.Empty"
          : TENCENT_CLOUD_CODES[d.code],
    );
  }

  /** Tencent distinguishes the three ways a route can collide. */
  #routeCloudCode(
    d: Diagnostic,
    destination: string,
    peeringId: string,
    vpc: VpcRow,
    existing: readonly RouteRow[],
  ): string {
    if (d.code !== "ROUTE_CONFLICT") return TENCENT_CLOUD_CODES[d.code];
    const parsed = parseCidr(destination);
    if (parsed.ok) {
      for (const text of JSON.parse(vpc.cidrs) as string[]) {
        const own = parseCidr(text);
        if (own.ok && overlaps(own.cidr, parsed.cidr)) return "InvalidParameterValue.VpcCidrConflict";
      }
      const same = existing.find((r) => r.destination === parsed.cidr.text);
      if (same && same.peering_id !== peeringId) return "UnsupportedOperation.EcmpWithUserRoute";
    }
    return "InvalidParameterValue.Duplicate";
  }
}

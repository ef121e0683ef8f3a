/**
 * `LocalStateEngine` owns the database file; `engine.session(account)` is a Backend bound to one account, which is
 * how the clouds authorize: the caller's identity comes from its credentials. Every operation is one SQLite
 * transaction; writes take the write lock up front (BEGIN IMMEDIATE), so several processes sharing the file
 * (the Pulumi engine runs providers in parallel) serialize instead of interleaving their checks and inserts.
 */
import type { Cloud } from "../../core/index.js";
import { type Clock, systemClock } from "../clock.js";
import { type Db, openDatabase, type Statement } from "./database.js";
// A cycle, on purpose: `session()` makes the Backend that local-backend.ts defines, and local-backend.ts opens
// engines. Neither module uses the other's exports while it loads, only inside functions, so ES modules allow it.
import { LocalBackend } from "./local-backend.js";
import { fail } from "./refusals.js";
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

/** Runs `fn` inside one transaction (nested: a savepoint), as better-sqlite3's transaction functions do. */
type Transaction = <T>(fn: () => T) => T;

/** What every operation of the per-kind modules acts with: the engine, and the account the caller acts as. */
export interface SessionContext {
  readonly engine: LocalStateEngine;
  readonly account: string;
}

export class LocalStateEngine {
  readonly file: string;
  readonly clock: Clock;
  readonly options: LocalStateOptions;
  readonly #db: Db;
  readonly #statements = new Map<string, Statement>();
  // One transaction function each, made once: better-sqlite3's `db.transaction(fn)` builds a wrapper and its
  // deferred/immediate/exclusive variants on every call, which a request-per-operation emulator pays each time.
  readonly #writeTx: Transaction;
  readonly #readTx: Transaction;
  #closed = false;

  private constructor(file: string, options: LocalStateOptions) {
    this.file = file;
    this.options = options;
    this.clock = options.clock ?? systemClock;
    this.#db = openDatabase(
      file,
      options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs },
    );
    const run = this.#db.transaction(<T>(fn: () => T): T => fn());
    this.#writeTx = run.immediate as Transaction;
    this.#readTx = run.deferred as Transaction;
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
    return this.#writeTx(() => {
      const now = this.clock.now();
      this.#settle(now);
      return fn(now);
    });
  }

  /** @internal One read transaction: a consistent snapshot without the write lock. */
  read<T>(fn: (now: number) => T): T {
    this.#assertOpen();
    return this.#readTx(() => fn(this.clock.now()));
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

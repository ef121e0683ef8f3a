import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { BackendError } from "../errors.js";
import { MIGRATIONS, SCHEMA_VERSION } from "./migrations.js";

export type Db = Database.Database;
export type Statement = Database.Statement<unknown[]>;

export interface OpenDatabaseOptions {
  /** How long a writer waits for another process's lock before failing. @default 30000 */
  readonly busyTimeoutMs?: number;
}

/**
 * Opens (creating if needed) a state file: WAL so readers never block the writer and several processes can share
 * the file; a busy timeout so concurrent writers queue instead of failing; foreign keys on; then the migrations.
 * synchronous=NORMAL is durable against a killed process (the WAL holds every committed transaction); only an OS
 * crash could lose the last transactions, which a laptop state file can afford.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const timeoutMs = options.busyTimeoutMs ?? 30_000;
  const db = new Database(file, { timeout: timeoutMs });
  try {
    enableWal(db, timeoutMs);
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    migrate(db, file);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * Fix (found by test/backends/local/concurrency.test.ts, several processes opening a new file at once): switching
 * a new file to WAL writes its header under an exclusive lock, and when another connection holds the file's
 * RESERVED lock (another process doing the same switch) SQLite answers SQLITE_BUSY at once, without calling the
 * busy handler (it would deadlock), so `busyTimeoutMs` did not apply and the open failed with "database is
 * locked". Retry with a short blocking back-off until the same timeout has passed. A file already in WAL mode
 * succeeds on the first try.
 */
function enableWal(db: Db, timeoutMs: number): void {
  const deadline = Date.now() + timeoutMs;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let waitMs = 1; ; waitMs = Math.min(waitMs * 2, 50)) {
    try {
      db.pragma("journal_mode = WAL");
      return;
    } catch (error) {
      const code = (error as { code?: string }).code ?? "";
      if (!code.startsWith("SQLITE_BUSY") || Date.now() >= deadline) throw error;
      Atomics.wait(pause, 0, 0, waitMs);
    }
  }
}

function migrate(db: Db, file: string): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current === SCHEMA_VERSION) return;
  db.transaction(() => {
    // Re-read under the write lock: another process may have migrated meanwhile.
    const version = db.pragma("user_version", { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new BackendError(
        "BACKEND_UNAVAILABLE",
        `State file ${file} has schema version ${version}; this peerlink knows versions up to ${SCHEMA_VERSION}.`,
        { cloudCode: "InternalError", fix: "Upgrade peerlink, or point PEERLINK_STATE at another file." },
      );
    }
    for (const migration of MIGRATIONS) {
      if (migration.version <= version) continue;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
}

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
  const db = new Database(file, { timeout: options.busyTimeoutMs ?? 30_000 });
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    migrate(db, file);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
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

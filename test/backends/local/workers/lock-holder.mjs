// Creates a new state file and holds its write lock (RESERVED, rollback-journal mode: what a process that is
// switching the new file to WAL holds) for `holdMs`, then lets go. Used by concurrency.test.ts.
import Database from "better-sqlite3";

const { file, holdMs } = JSON.parse(process.argv[2]);
const db = new Database(file);
db.exec("BEGIN IMMEDIATE");
process.stdout.write(
  `${JSON.stringify({ type: "locked", journalMode: db.pragma("journal_mode", { simple: true }) })}\n`,
);
setTimeout(() => {
  db.exec("ROLLBACK");
  db.close();
}, holdMs);

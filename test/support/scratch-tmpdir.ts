/**
 * Vitest global setup: every test file's temporary files go under one scratch directory, removed when the run
 * ends. Some libraries make their own and never remove them (cdktf's `Testing` leaves a `cdktf.outdir.*` per
 * synth: about 220 per run), so the run, not each test, cleans up. Workers start after this and inherit TMPDIR.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const scratch = mkdtempSync(join(tmpdir(), "peerlink-test-run-"));
  process.env.TMPDIR = scratch;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(scratch, { recursive: true, force: true });
  };
}

#!/usr/bin/env node
// The official Python SDKs of the three clouds, for the black-box emulator tests (test/emulator/python/):
//
//   node scripts/python-sdks.mjs      ensure the virtualenv and print its python
//
// A virtualenv under .tools/python-sdks/<hash> (ignored by git), made with `python3 -m venv` and filled by pip from
// the exact pins of test/emulator/python/requirements.txt; <hash> is that file's hash, so a changed pin makes a new
// one and an unchanged file is reused at no cost. A virtualenv is complete once its `.installed` stamp exists; a
// half-made one (an install that died) is removed and made again. Concurrent callers (two test runs) wait on a lock
// directory instead of installing twice. PEERLINK_PYTHON picks the interpreter (default: python3 on PATH).
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ROOT, runCaptured } from "./engines.mjs";

export const REQUIREMENTS = join(ROOT, "test", "emulator", "python", "requirements.txt");
export const VENVS_DIR = join(ROOT, ".tools", "python-sdks");
/** A lock older than this is taken to belong to a process that died. */
const STALE_LOCK_MS = 20 * 60 * 1000;

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function run(command, args, what) {
  const result = await runCaptured(command, args, { cwd: ROOT });
  if (result.code !== 0)
    throw new Error(`${what} failed (exit ${result.code}): ${command} ${args.join(" ")}\n${result.output}`);
  return result;
}

/** Takes the lock directory, waiting while another live process holds it. */
async function lock(path) {
  for (;;) {
    try {
      mkdirSync(path);
      return () => rmSync(path, { recursive: true, force: true });
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      let age = 0;
      try {
        age = Date.now() - statSync(path).mtimeMs;
      } catch {
        continue; // released meanwhile
      }
      if (age > STALE_LOCK_MS) rmSync(path, { recursive: true, force: true });
      else await sleep(1000);
    }
  }
}

/**
 * Makes the virtualenv if needed; answers its python and whether this call installed it.
 * @returns {Promise<{ python: string, dir: string, installed: boolean }>}
 */
export async function ensurePythonSdks() {
  const requirements = readFileSync(REQUIREMENTS);
  const hash = createHash("sha256").update(requirements).digest("hex").slice(0, 16);
  const dir = join(VENVS_DIR, hash);
  const python = join(dir, "bin", "python");
  const stamp = join(dir, ".installed");
  if (existsSync(stamp) && existsSync(python)) return { python, dir, installed: false };

  mkdirSync(VENVS_DIR, { recursive: true });
  const release = await lock(join(VENVS_DIR, `${hash}.lock`));
  try {
    if (existsSync(stamp) && existsSync(python)) return { python, dir, installed: false };
    rmSync(dir, { recursive: true, force: true });
    await run(process.env.PEERLINK_PYTHON || "python3", ["-m", "venv", dir], "creating the virtualenv");
    await run(
      python,
      ["-m", "pip", "install", "--disable-pip-version-check", "--no-input", "-q", "-r", REQUIREMENTS],
      "installing the Python SDKs",
    );
    writeFileSync(stamp, `${new Date().toISOString()}\n`);
    // Virtualenvs of earlier pins are no longer used.
    for (const name of readdirSync(VENVS_DIR)) {
      if (name !== hash && !name.endsWith(".lock"))
        rmSync(join(VENVS_DIR, name), { recursive: true, force: true });
    }
    return { python, dir, installed: true };
  } finally {
    release();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  ensurePythonSdks().then(
    ({ python }) => console.log(python),
    (error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}

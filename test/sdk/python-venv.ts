/**
 * The virtualenv the Python SDK is checked in: .tools/sdk-python/<hash of requirements.txt> (ignored by git), made
 * with `python3 -m venv` and filled by pip from the exact pins, once per pin set (an `.installed` stamp marks it
 * complete; a half-made one is made again). The SDK itself is installed fresh by each run (`--no-deps`: its
 * requirements are among the pins, and `pip check` proves it). PEERLINK_PYTHON picks the interpreter.
 */
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, runCaptured } from "../../scripts/engines.mjs";

export const REQUIREMENTS = join(ROOT, "test", "sdk", "python", "requirements.txt");

async function run(command: string, args: string[], what: string): Promise<string> {
  const result = await runCaptured(command, args, { cwd: ROOT });
  if (result.code !== 0)
    throw new Error(`${what} failed (exit ${result.code}): ${command} ${args.join(" ")}\n${result.output}`);
  return result.output;
}

/** The venv's python, with the pins installed and sdk/python installed from a copy (no build files in sdk/). */
export async function pythonWithSdk(): Promise<string> {
  const hash = createHash("sha256").update(readFileSync(REQUIREMENTS)).digest("hex").slice(0, 16);
  const dir = join(ROOT, ".tools", "sdk-python", hash);
  const python = join(dir, "bin", "python");
  const stamp = join(dir, ".installed");
  if (!existsSync(stamp) || !existsSync(python)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    await run(process.env.PEERLINK_PYTHON || "python3", ["-m", "venv", dir], "creating the virtualenv");
    await run(
      python,
      ["-m", "pip", "install", "--disable-pip-version-check", "--no-input", "-q", "-r", REQUIREMENTS],
      "installing the pinned requirements",
    );
    writeFileSync(stamp, `${new Date().toISOString()}\n`);
  }
  const copy = mkdtempSync(join(tmpdir(), "peerlink-sdk-python-"));
  try {
    cpSync(join(ROOT, "sdk", "python"), copy, { recursive: true });
    await run(
      python,
      [
        "-m",
        "pip",
        "install",
        "--disable-pip-version-check",
        "--no-input",
        "-q",
        "--no-deps",
        "--force-reinstall",
        copy,
      ],
      "installing sdk/python",
    );
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
  await run(
    python,
    ["-m", "pip", "check", "--disable-pip-version-check"],
    "pip check (the SDK's requirements)",
  );
  return python;
}

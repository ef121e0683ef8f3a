#!/usr/bin/env node
// The peerlink Python and Go SDKs (sdk/python, sdk/go), generated from schema.json by sdk/generator (the Pulumi
// CLI's own codegen, see sdk/generator/main.go for why not `pulumi package gen-sdk`):
//
//   node scripts/sdks.mjs            regenerate sdk/python and sdk/go (commit the result)
//   node scripts/sdks.mjs --check    exit 1 when they differ from what schema.json generates
//
// The generator is built from sdk/generator's go.mod/go.sum into .tools/bin and kept in the engine cache
// (scripts/engines.mjs `sdkgen`; it shares pkg/v3 v3.248.0 with engines/pulumi). sdk/go/go.mod and go.sum are
// kept, not generated.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureEngines, goEnv, ROOT, runCaptured } from "./engines.mjs";

export const SDK_DIR = join(ROOT, "sdk");

async function run(command, args, cwd, what) {
  const result = await runCaptured(command, args, { cwd, env: goEnv() });
  if (result.code !== 0)
    throw new Error(
      `sdks: ${what} failed (exit ${result.code}): ${command} ${args.join(" ")}\n${result.output}`,
    );
  return result;
}

/**
 * The generator binary: from .tools/bin, else the engine cache, else built from sdk/generator (scripts/engines.mjs
 * keeps it like an engine, keyed by the hash of its go.mod, go.sum and main.go).
 */
export async function buildGenerator() {
  const { engines } = await ensureEngines({ only: ["sdkgen"] });
  return engines.sdkgen.path;
}

/** Writes `<outDir>/python` and `<outDir>/go` from schema.json. */
export async function generateSdks(outDir = SDK_DIR) {
  const generator = await buildGenerator();
  await run(generator, [join(ROOT, "schema.json"), outDir], ROOT, "generating the SDKs");
}

/** What sdk/python/.gitignore ignores (local builds and caches), never compared. */
const IGNORED = /^(build|dist|__pycache__|\.mypy_cache|.*\.egg-info|.*\.pyc)$/;

/** Every file under dir (relative paths), sorted. */
function files(dir, base = dir) {
  let out = [];
  for (const name of readdirSync(dir)) {
    if (IGNORED.test(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(files(path, base));
    else out.push(relative(base, path));
  }
  return out.sort();
}

/** The generated files that differ between the committed SDKs and what schema.json generates now. */
export async function staleSdkFiles() {
  const fresh = mkdtempSync(join(tmpdir(), "peerlink-sdks-"));
  try {
    await generateSdks(fresh);
    const stale = [];
    for (const lang of ["python", "go"]) {
      const want = files(join(fresh, lang));
      const have = files(join(SDK_DIR, lang)).filter(
        (f) => !(lang === "go" && (f === "go.mod" || f === "go.sum")),
      );
      for (const f of new Set([...want, ...have])) {
        const a = want.includes(f) ? readFileSync(join(fresh, lang, f), "utf8") : undefined;
        const b = have.includes(f) ? readFileSync(join(SDK_DIR, lang, f), "utf8") : undefined;
        if (a !== b) stale.push(`sdk/${lang}/${f}`);
      }
    }
    return stale;
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    if (process.argv.includes("--check")) {
      const stale = await staleSdkFiles();
      if (stale.length > 0) {
        process.stderr.write(`sdks: out of date (run \`node scripts/sdks.mjs\`): ${stale.join(", ")}\n`);
        process.exit(1);
      }
      process.stdout.write("sdks: sdk/python and sdk/go match schema.json\n");
    } else {
      await generateSdks();
      process.stdout.write(`sdks: wrote ${join(SDK_DIR, "python")} and ${join(SDK_DIR, "go")}\n`);
    }
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

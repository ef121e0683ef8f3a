#!/usr/bin/env node
// The real engines peerlink is proven with: the Pulumi CLI with its Node.js language host, and OpenTofu.
//
//   node scripts/engines.mjs [pulumi|tofu|yaml ...]   ensure them and print where they are (pulumi and tofu by
//                                                     default; yaml, the YAML language host, only when named)
//   node scripts/engines.mjs --env               also print the environment the demo and the e2e tests run them with
//
// Each engine is taken from PATH when it is there; otherwise it is built from the Go module proxy into .tools/bin
// (ignored by git), from the pinned modules under engines/ (go.mod + go.sum: every download is checked against
// go.sum). Built binaries are also kept in a cache outside the clone ($PEERLINK_ENGINE_CACHE, else
// $XDG_CACHE_HOME/peerlink/engines, else ~/.cache/peerlink/engines), keyed by the hash of what they are built
// from, so a fresh clone on the same machine copies them instead of building again. Go's own build cache makes a
// rebuild after a change fast too. Set PEERLINK_ENGINES=build to ignore PATH and the cache.
//
// Why not `go install module@version`: it refuses modules whose go.mod carries replace directives, and both
// pkg/v3 and opentofu do. Why a language host of our own: see engines/pulumi/langhost/main.go.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { homedir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const BIN_DIR = join(ROOT, ".tools", "bin");

const PULUMI_VERSION = goModVersion("engines/pulumi/go.mod", "github.com/pulumi/pulumi/pkg/v3");
const TOFU_VERSION = goModVersion("engines/tofu/go.mod", "github.com/opentofu/opentofu");
const YAML_VERSION = goModVersion("engines/yaml/go.mod", "github.com/pulumi/pulumi-yaml");

/** What each engine is built from: a Go module under engines/ and the packages of it that become binaries. */
const ENGINES = {
  pulumi: {
    dir: "engines/pulumi",
    version: PULUMI_VERSION,
    // Upstream cold build on this 2-core machine kind: about 3 min; warm (Go build cache): about 20 s.
    binaries: [
      {
        name: "pulumi",
        pkg: "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi",
        ldflags: `-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=${PULUMI_VERSION}`,
      },
      {
        name: "pulumi-language-nodejs",
        pkg: "./langhost",
        ldflags: `-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=${PULUMI_VERSION}`,
      },
      // The same host package for Python and Go programs (engines/pulumi/langhost/other_runtimes.go).
      ...["python", "go"].map((runtime) => ({
        name: `pulumi-language-${runtime}`,
        pkg: "./langhost",
        ldflags: `-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=${PULUMI_VERSION} -X main.hostRuntime=${runtime}`,
      })),
    ],
    inputs: [
      "go.mod",
      "go.sum",
      "tools.go",
      "langhost/main.go",
      "langhost/other_runtimes.go",
      "langhost/python_exec.py",
    ],
  },
  tofu: {
    dir: "engines/tofu",
    version: TOFU_VERSION,
    binaries: [
      {
        name: "tofu",
        pkg: "github.com/opentofu/opentofu/cmd/tofu",
        // `dev=no` drops the -dev marker: the binary reports the release it was built from.
        ldflags: "-X github.com/opentofu/opentofu/version.dev=no",
      },
    ],
    inputs: ["go.mod", "go.sum", "tools.go"],
  },
  // The Pulumi YAML language host, for `runtime: yaml` programs (issue 13). Built only when asked for by name
  // (`node scripts/engines.mjs yaml`, or ensureEngines({ only: ["yaml"] }) in the e2e test that runs one), not by
  // the default `npm run engines`. It has no `version` command (any argument starts its gRPC server), so its
  // version is the go.mod pin.
  yaml: {
    dir: "engines/yaml",
    version: YAML_VERSION,
    onRequest: true,
    versionCommand: false,
    binaries: [
      {
        name: "pulumi-language-yaml",
        pkg: "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml",
        ldflags: `-X github.com/pulumi/pulumi-yaml/pkg/version.Version=${YAML_VERSION}`,
      },
    ],
    inputs: ["go.mod", "go.sum", "tools.go"],
  },
  // Not an engine: the SDK generator (sdk/generator, scripts/sdks.mjs), kept in the same cache so that a fresh
  // clone copies it instead of compiling pkg/v3's codegen again (222 s from an empty Go build cache here).
  sdkgen: {
    dir: "sdk/generator",
    version: goModVersion("sdk/generator/go.mod", "github.com/pulumi/pulumi/pkg/v3"),
    onRequest: true,
    versionCommand: false,
    binaries: [{ name: "peerlink-sdk-generator", pkg: ".", ldflags: "" }],
    inputs: ["go.mod", "go.sum", "main.go"],
  },
};

function goModVersion(file, module) {
  const text = readFileSync(join(ROOT, file), "utf8");
  const match = text.match(
    new RegExp(`^\\s*(?:require\\s+)?${module.replaceAll(".", "\\.")}\\s+(v\\S+)`, "m"),
  );
  if (!match) throw new Error(`engines: ${file} does not require ${module}`);
  return match[1];
}

function log(message) {
  process.stderr.write(`engines: ${message}\n`);
}

/** The first executable called `name` on PATH, skipping .tools/bin (that is ours, not the user's). */
export function onPath(name, path = process.env.PATH ?? "") {
  for (const dir of path.split(delimiter)) {
    if (!dir || dir === BIN_DIR) continue;
    const candidate = join(dir, name);
    if (
      existsSync(candidate) &&
      spawnSync(candidate, ["--version"], { stdio: "ignore" }).error === undefined
    ) {
      return candidate;
    }
  }
  return undefined;
}

function cacheRoot() {
  if (process.env.PEERLINK_ENGINE_CACHE) return process.env.PEERLINK_ENGINE_CACHE;
  const base = process.env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return join(base, "peerlink", "engines");
}

function goVersion() {
  const result = spawnSync("go", ["env", "GOVERSION", "GOOS", "GOARCH"], { encoding: "utf8", env: goEnv() });
  if (result.error || result.status !== 0) {
    throw new Error(
      "engines: `go` is not on PATH. The engines are built from the Go module proxy: install Go 1.26 or later " +
        "(or put `pulumi`, `pulumi-language-nodejs` and `tofu` on PATH) and run this again.",
    );
  }
  return result.stdout.trim().split("\n").join("/");
}

/** The key of one build: everything that goes into the binaries. */
function buildKey(engine) {
  const hash = createHash("sha256");
  hash.update(goVersion());
  for (const input of engine.inputs) hash.update(readFileSync(join(ROOT, engine.dir, input)));
  for (const binary of engine.binaries) hash.update(`${binary.name} ${binary.pkg} ${binary.ldflags}`);
  return hash.digest("hex").slice(0, 16);
}

export function goEnv() {
  // Go derives its caches from $HOME; a CI runner may start without it (homedir() falls back to the passwd entry).
  const home = process.env.HOME ? {} : { HOME: homedir() };
  return {
    ...process.env,
    ...home,
    // The go.mod files pin the toolchain floor; never download another toolchain.
    GOTOOLCHAIN: "local",
    // The checksum database is unreachable here; go.sum (committed) pins the hash of every module instead, and
    // -mod=readonly refuses to build if anything is missing from it.
    GOSUMDB: "off",
    GOFLAGS: "-mod=readonly -buildvcs=false -trimpath",
    CGO_ENABLED: process.env.CGO_ENABLED ?? "0",
  };
}

async function run(command, args, options) {
  const started = Date.now();
  const child = spawn(command, args, { ...options, stdio: ["ignore", "inherit", "inherit"] });
  const ticker = setInterval(
    () => log(`  ... ${options.what}: ${Math.round((Date.now() - started) / 1000)} s`),
    20_000,
  );
  try {
    const code = await new Promise((resolve, reject) => {
      child.on("error", reject);
      child.on("exit", (status, signal) => resolve(status ?? signal));
    });
    if (code !== 0) throw new Error(`engines: \`${command} ${args.join(" ")}\` failed (${code})`);
  } finally {
    clearInterval(ticker);
  }
  return (Date.now() - started) / 1000;
}

/** Builds one engine into the cache (if it is not there yet) and copies it into .tools/bin. */
async function buildEngine(name) {
  const engine = ENGINES[name];
  const key = buildKey(engine);
  const stamp = join(BIN_DIR, `.${name}.key`);
  const names = engine.binaries.map((b) => b.name);
  const inBin = () => names.every((n) => existsSync(join(BIN_DIR, n)));
  if (
    process.env.PEERLINK_ENGINES !== "build" &&
    existsSync(stamp) &&
    readFileSync(stamp, "utf8") === key &&
    inBin()
  ) {
    return { source: ".tools/bin (already built)", seconds: 0 };
  }
  const cached = join(cacheRoot(), `${name}-${engine.version}-${key}`);
  let source = `build cache ${cached}`;
  let seconds = 0;
  if (process.env.PEERLINK_ENGINES === "build" || !names.every((n) => existsSync(join(cached, n)))) {
    log(
      `building ${name} ${engine.version} from the Go module proxy (${engine.dir}); cold on 2 cores: ~3 min`,
    );
    const staging = `${cached}.tmp-${process.pid}`;
    mkdirSync(staging, { recursive: true });
    for (const binary of engine.binaries) {
      const took = await run(
        "go",
        ["build", "-ldflags", `-s -w ${binary.ldflags}`, "-o", join(staging, binary.name), binary.pkg],
        { cwd: join(ROOT, engine.dir), env: goEnv(), what: `go build ${binary.name}` },
      );
      log(`  built ${binary.name} in ${took.toFixed(1)} s`);
      seconds += took;
    }
    mkdirSync(dirname(cached), { recursive: true });
    rmSync(cached, { recursive: true, force: true });
    renameSync(staging, cached);
    source = `built from the Go module proxy in ${seconds.toFixed(1)} s`;
  }
  mkdirSync(BIN_DIR, { recursive: true });
  for (const n of names) {
    const target = join(BIN_DIR, n);
    copyFileSync(join(cached, n), `${target}.tmp`);
    chmodSync(`${target}.tmp`, 0o755);
    renameSync(`${target}.tmp`, target);
  }
  writeFileSync(stamp, key);
  return { source, seconds };
}

/**
 * Runs a command with its output captured (stdout, stderr, and both in the order they came); never throws on a
 * non-zero exit: the result says. The e2e tests and the benchmark drive the engines through it.
 */
export function runCaptured(command, args, { cwd, env = process.env }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let output = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr, output }));
  });
}

/** The version line an engine prints. */
function versionOf(binary) {
  const result = spawnSync(binary, ["version"], {
    encoding: "utf8",
    env: { ...process.env, TF_CLI_CONFIG_FILE: "" },
  });
  return (result.stdout || "").trim().split("\n")[0];
}

/**
 * Makes the engines available. Returns the directory to put first on PATH and, per engine, where it came from.
 * `only` picks engines by name ("pulumi", "tofu").
 */
export async function ensureEngines({
  only = Object.keys(ENGINES).filter((n) => !ENGINES[n].onRequest),
} = {}) {
  const report = {};
  for (const name of only) {
    const engine = ENGINES[name];
    if (!engine)
      throw new Error(`engines: unknown engine "${name}" (known: ${Object.keys(ENGINES).join(", ")})`);
    const names = engine.binaries.map((b) => b.name);
    const found = process.env.PEERLINK_ENGINES === "build" ? [] : names.map((n) => onPath(n));
    if (found.length > 0 && found.every(Boolean)) {
      report[name] = {
        source: `PATH (${found.join(", ")})`,
        path: found[0],
        version: engine.versionCommand === false ? engine.version : versionOf(found[0]),
      };
      continue;
    }
    const built = await buildEngine(name);
    const path = join(BIN_DIR, names[0]);
    report[name] = {
      ...built,
      path,
      version: engine.versionCommand === false ? engine.version : versionOf(path),
    };
  }
  linkDynamicProviderPlugin();
  return { binDir: BIN_DIR, engines: report };
}

/**
 * The engine looks for the dynamic-provider plugin next to the `pulumi` binary, then on PATH. It ships inside
 * @pulumi/pulumi as a shell script; a link in .tools/bin keeps the engine from warning that it came from PATH.
 */
function linkDynamicProviderPlugin() {
  const script = join(ROOT, "node_modules", "@pulumi", "pulumi", "pulumi-resource-pulumi-nodejs");
  if (!existsSync(script)) return;
  mkdirSync(BIN_DIR, { recursive: true });
  const link = join(BIN_DIR, "pulumi-resource-pulumi-nodejs");
  // Left alone when it already points there, and replaced atomically otherwise: e2e files ensure engines while
  // other files run Pulumi, and a remove-then-link left a moment with no plugin (a kill test's preview failed
  // with "could not read plugin .../pulumi-resource-pulumi-nodejs").
  try {
    if (readlinkSync(link) === script) return;
  } catch {
    // no link yet, or not a link
  }
  const staging = `${link}.${process.pid}.tmp`;
  rmSync(staging, { force: true });
  symlinkSync(script, staging);
  renameSync(staging, link);
}

/**
 * The environment the demo, the e2e tests and the benchmark run Pulumi with: offline, state in local files under
 * `stateDir`, no update checks, no plugin downloads, engines from .tools/bin first.
 */
export function pulumiEnv(stateDir, extra = {}) {
  mkdirSync(join(stateDir, "backend"), { recursive: true });
  mkdirSync(join(stateDir, "home"), { recursive: true });
  return {
    ...process.env,
    PATH: [BIN_DIR, join(ROOT, "node_modules", ".bin"), process.env.PATH].join(delimiter),
    PULUMI_HOME: join(stateDir, "home"),
    PULUMI_BACKEND_URL: `file://${join(stateDir, "backend")}`,
    PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "peerlink-local-state",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_SKIP_CONFIRMATIONS: "true",
    PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
    NO_COLOR: "1",
    ...extra,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const only = args.filter((a) => !a.startsWith("--"));
  const started = Date.now();
  try {
    const { engines } = await ensureEngines(only.length > 0 ? { only } : {});
    for (const [name, info] of Object.entries(engines)) {
      process.stdout.write(`${name}: ${info.version} (${info.source})\n`);
    }
    process.stdout.write(`engines ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${BIN_DIR}\n`);
    if (args.includes("--env")) {
      process.stdout.write(`export PATH="${BIN_DIR}${delimiter}$PATH"\n`);
    }
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

#!/usr/bin/env node
// A self-contained tarball of the provider plugin, for `pulumi plugin install resource peerlink <version> --file`:
//
//   node scripts/plugin-package.mjs [--out <dir>]   (npm run plugin:package; run `npm run build` first)
//
// Pulumi extracts the tarball into $PULUMI_HOME/plugins/resource-peerlink-v<version>/ and runs the executable
// `pulumi-resource-peerlink` at its top. The tarball therefore holds, at its top:
// - `pulumi-resource-peerlink`: Node on the built plugin (the npm package's bin, with the path of an extracted
//   tarball);
// - `package.json` (name, version and `"type": "module"`: the plugin finds its version and schema.json by it),
//   `schema.json` when it was generated, and the built `dist/provider` (the plugin, its runtime and backends);
// - `node_modules`: the runtime dependencies (package.json `dependencies`, and @pulumi/pulumi, which a plugin
//   needs to serve and an npm user already has as a peer), with everything they depend on.
// The dependencies are copied from this checkout's installed node_modules, nothing is downloaded: a registry
// install with `--offline` cannot build better-sqlite3's native addon (its install script fetches a prebuilt
// binary), while the installed copy already has the one built for this machine. The tarball is therefore for
// this platform, and named so: pulumi-resource-peerlink-v<version>-<os>-<arch>.tar.gz, as Pulumi names plugins.
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Dependencies the plugin loads at run time besides package.json `dependencies`. */
const PLUGIN_PEERS = ["@pulumi/pulumi"];

const LAUNCHER = `#!/usr/bin/env node
// The peerlink Pulumi provider plugin, as \`pulumi plugin install\` extracts it: Node on the built plugin.
import("./dist/provider/plugin/main.js").catch((error) => {
  console.error(\`pulumi-resource-peerlink: \${error instanceof Error ? error.message : error}\`);
  process.exit(1);
});
`;

function readJson(file) {
  return JSON.parse(readFileSync(file, "utf8"));
}

/** The directory of package `name` as Node resolves it from `fromDir` (its own node_modules, then the parents'). */
function resolvePackage(name, fromDir) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Every package directory the plugin's dependencies need, as paths relative to the root's node_modules
 * (nested copies included). A missing optional dependency is skipped; a missing required one is an error.
 */
export function dependencyClosure(root, names) {
  const modules = realpathSync(join(root, "node_modules"));
  const found = new Map();
  const queue = names.map((name) => ({ name, from: root, optional: false }));
  while (queue.length > 0) {
    const { name, from, optional } = queue.shift();
    const dir = resolvePackage(name, from);
    if (dir === undefined) {
      if (optional) continue;
      throw new Error(
        `plugin-package: dependency ${name} (needed from ${relative(root, from) || "."}) is not installed. Fix: run npm ci in the checkout.`,
      );
    }
    const real = realpathSync(dir);
    if (found.has(real)) continue;
    const rel = relative(modules, real);
    if (rel.startsWith(".."))
      throw new Error(`plugin-package: ${name} resolves outside node_modules (${real})`);
    found.set(real, rel);
    const manifest = readJson(join(real, "package.json"));
    for (const dep of Object.keys(manifest.dependencies ?? {}))
      queue.push({ name: dep, from: dir, optional: false });
    for (const dep of Object.keys(manifest.optionalDependencies ?? {}))
      queue.push({ name: dep, from: dir, optional: true });
    // A peer is the user's to install: only the ones this checkout has are taken (as a user's install has them).
    for (const dep of Object.keys(manifest.peerDependencies ?? {}))
      if (resolvePackage(dep, dir)) queue.push({ name: dep, from: dir, optional: true });
  }
  return [...found.values()].sort();
}

/**
 * Whether a package's file goes in: nested node_modules are copied as packages of their own (only those the
 * closure needs), and of better-sqlite3 only what loads at run time (its lib and the built addon, not the SQLite
 * sources and build intermediates, 30 MB).
 */
function keep(pkg, path) {
  const [top, second] = path.split("/");
  if (top === "node_modules") return false;
  if (pkg === "better-sqlite3" && path !== "") {
    if (top === "build") return second === undefined || second === "Release";
    if (path.startsWith("build/Release/")) return path.endsWith(".node");
    return top === "package.json" || top === "lib" || top === "LICENSE";
  }
  return true;
}

function sizeOf(path) {
  const info = statSync(path);
  return info.size;
}

/** Builds the tarball; returns its path, version and size in bytes. `dist/` must be built. */
export function packagePlugin({ root = ROOT, outDir = join(root, ".tools", "plugin") } = {}) {
  const manifest = readJson(join(root, "package.json"));
  if (!existsSync(join(root, "dist", "provider", "plugin", "main.js"))) {
    throw new Error("plugin-package: dist/provider/plugin/main.js is missing. Fix: run npm run build first.");
  }
  const stage = join(tmpdir(), `peerlink-plugin-stage-${process.pid}-${Date.now()}`);
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  try {
    writeFileSync(join(stage, "pulumi-resource-peerlink"), LAUNCHER);
    chmodSync(join(stage, "pulumi-resource-peerlink"), 0o755);
    const runtimeDeps = Object.keys(manifest.dependencies ?? {});
    writeFileSync(
      join(stage, "package.json"),
      `${JSON.stringify(
        {
          name: manifest.name,
          version: manifest.version,
          description: `${manifest.description} (the pulumi-resource-peerlink provider plugin)`,
          license: manifest.license,
          type: "module",
          private: true,
        },
        null,
        2,
      )}\n`,
    );
    if (existsSync(join(root, "schema.json"))) cpSync(join(root, "schema.json"), join(stage, "schema.json"));
    cpSync(join(root, "dist", "provider"), join(stage, "dist", "provider"), {
      recursive: true,
      filter: (src) => !src.endsWith(".d.ts") && !src.endsWith(".d.ts.map") && !src.endsWith(".js.map"),
    });
    const packages = dependencyClosure(root, [...runtimeDeps, ...PLUGIN_PEERS]);
    const modules = realpathSync(join(root, "node_modules"));
    for (const rel of packages) {
      cpSync(join(modules, rel), join(stage, "node_modules", rel), {
        recursive: true,
        dereference: true,
        filter: (src) => keep(rel, relative(join(modules, rel), src)),
      });
    }
    mkdirSync(outDir, { recursive: true });
    const platform = process.platform;
    const arch = { x64: "amd64", arm64: "arm64" }[process.arch] ?? process.arch;
    const file = join(outDir, `pulumi-resource-peerlink-v${manifest.version}-${platform}-${arch}.tar.gz`);
    const tar = spawnSync("tar", ["-czf", file, "-C", stage, "."], { stdio: ["ignore", "ignore", "pipe"] });
    if (tar.status !== 0) throw new Error(`plugin-package: tar failed: ${tar.stderr}`);
    return { file, version: manifest.version, bytes: sizeOf(file), packages: packages.length };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const out = args.indexOf("--out");
  const started = Date.now();
  try {
    const result = packagePlugin(out >= 0 && args[out + 1] ? { outDir: args[out + 1] } : {});
    process.stdout.write(
      `${result.file}\n  version ${result.version}, ${result.packages} packages, ${(result.bytes / 1024 / 1024).toFixed(1)} MiB, ${((Date.now() - started) / 1000).toFixed(1)} s\n` +
        `  install: pulumi plugin install resource peerlink ${result.version} --file ${result.file}\n`,
    );
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : error}\n`);
    process.exit(1);
  }
}

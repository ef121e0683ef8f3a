/**
 * peerlink as a consumer's project has it: `npm pack` of the built package (so only what package.json's `files`
 * publishes), unpacked into `<dir>/node_modules/peerlink`, as `npm install peerlink` lays it out. Its dependencies
 * and peer dependencies are this repository's own installed copies, linked beside it, so nothing is fetched: the
 * versions are the ones package-lock.json pins. The type packages of peerlink's own devDependencies are left out
 * (all but @types/node, which a TypeScript project has of its own), so a declaration that needs one fails. A
 * project written under `<dir>` resolves `peerlink` exactly as it would after an install, through the package's
 * `exports`, `typesVersions`, `main` and `types`.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./built-cli.js";

export interface PackedInstall {
  /** The folder whose node_modules holds peerlink: write projects in it or below it. */
  readonly dir: string;
  /** `<dir>/node_modules/peerlink`. */
  readonly packageDir: string;
}

/** Packs the built package (run `npm run build` first; `npm test` does) and installs it under a new folder. */
export function installPackedPeerlink(): PackedInstall {
  const dir = mkdtempSync(join(tmpdir(), "peerlink-consumer-"));
  const packed = execFileSync("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", dir], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  const tarball = join(dir, (JSON.parse(packed) as { filename: string }[])[0]!.filename);
  const modules = join(dir, "node_modules");
  const packageDir = join(modules, "peerlink");
  mkdirSync(packageDir, { recursive: true });
  execFileSync("tar", ["-xzf", tarball, "-C", packageDir, "--strip-components=1"]);
  const { devDependencies } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
    devDependencies: Record<string, string>;
  };
  const devTypes = new Set(
    Object.keys(devDependencies).filter((n) => n.startsWith("@types/") && n !== "@types/node"),
  );
  const installed = join(ROOT, "node_modules");
  for (const name of readdirSync(installed)) {
    if (name === "peerlink" || name.startsWith(".")) continue;
    if (name !== "@types") {
      symlinkSync(join(installed, name), join(modules, name));
      continue;
    }
    mkdirSync(join(modules, name));
    for (const member of readdirSync(join(installed, name))) {
      if (!devTypes.has(`@types/${member}`))
        symlinkSync(join(installed, name, member), join(modules, name, member));
    }
  }
  return { dir, packageDir };
}

#!/usr/bin/env node
// Run after `npm install` changes package-lock.json: `node scripts/complete-lockfile.mjs`.
//
// Why: the package registry this project is built against serves only the platform packages of the machines it
// runs on (linux x64/arm64, glibc); the other platform binaries of biome and rollup (darwin, win32, musl, ...)
// answer 404. npm then leaves them out of package-lock.json, and `npm ci` refuses the lock as "out of sync"
// ("Missing: @rollup/rollup-darwin-x64@ from lock file"; npm/cli#8320, #4828). This adds, for every optional
// dependency the lock names but lacks, an entry with its pinned version and the os/cpu/libc its name declares, so
// `npm ci` accepts the lock and skips those packages on platforms they are not for. No package is downloaded.
import { readFileSync, writeFileSync } from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(file, "utf8"));
const OS = [
  "android",
  "darwin",
  "win32",
  "freebsd",
  "openbsd",
  "netbsd",
  "sunos",
  "aix",
  "openharmony",
  "linux",
];
const CPU = ["arm64", "x64", "arm", "ia32", "ppc64", "riscv64", "s390x", "loong64"];

let added = 0;
for (const entry of Object.values(lock.packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${dep}`;
    if (lock.packages[key]) continue;
    const parts = dep.split("/").pop().split("-");
    const os = parts.find((p) => OS.includes(p));
    const cpu = parts.find((p) => CPU.includes(p));
    const libc = parts.some((p) => p.startsWith("musl"))
      ? "musl"
      : parts.some((p) => p.startsWith("gnu"))
        ? "glibc"
        : undefined;
    lock.packages[key] = {
      version,
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
      ...(os ? { os: [os] } : {}),
      ...(cpu ? { cpu: [cpu] } : {}),
      ...(libc ? { libc: [libc] } : {}),
    };
    added++;
  }
}
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} platform entries`);

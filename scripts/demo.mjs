#!/usr/bin/env node
// The main job (README, first command): `pulumi up` of the two-region DR example (examples/two-region-dr, the
// root Pulumi.yaml) with the real Pulumi engine, against the embedded local backend, with Pulumi's state in local
// files. No cloud account, no Pulumi Cloud, nothing downloaded at run time.
//
//   npm run demo              ensure the engines, up, show the result, show that a second preview changes nothing
//   npm run demo -- destroy   destroy the demo's resources and remove its stack
//
// Everything the demo keeps lives in .peerlink/demo/ (ignored by git): Pulumi's file state, its home directory and
// the local backend's SQLite file. The engines come from PATH or .tools/bin (scripts/engines.mjs).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { ensureEngines, pulumiEnv, ROOT } from "./engines.mjs";

const STACK = "demo";
const stateDir = join(ROOT, ".peerlink", "demo");
const peerlinkState = join(stateDir, "peerlink.db");

function heading(text) {
  process.stdout.write(`\n== ${text}\n`);
}

/** Runs `pulumi <args>` in the repository root; output goes to the terminal unless `capture`. */
function pulumi(env, args, { capture = false, allowFailure = false } = {}) {
  process.stdout.write(`$ pulumi ${args.join(" ")}\n`);
  const result = spawnSync("pulumi", [...args, "--non-interactive"], {
    cwd: ROOT,
    env,
    stdio: capture ? ["ignore", "pipe", "inherit"] : "inherit",
    encoding: "utf8",
  });
  if (result.error) throw result.error;
  if (result.status !== 0 && !allowFailure) {
    process.stderr.write(`\ndemo: \`pulumi ${args.join(" ")}\` exited with ${result.status}\n`);
    process.exit(result.status ?? 1);
  }
  return result;
}

function printResult(outputs) {
  heading("What was built (pulumi stack output)");
  process.stdout.write(`Peering ${outputs.peeringId}: ${outputs.peeringStatus}\n`);
  process.stdout.write("Routes (both sides, every route table):\n");
  for (const route of outputs.routes ?? []) process.stdout.write(`  ${route}\n`);

  process.stdout.write("\nReachability (row reaches column through a peering, with routes both ways):\n");
  const matrix = outputs.reachability ?? {};
  const names = Object.keys(matrix).sort();
  const width = Math.max(4, ...names.map((n) => n.length));
  process.stdout.write(`  ${"from \\ to".padEnd(width)}  ${names.map((n) => n.padEnd(width)).join("  ")}\n`);
  for (const from of names) {
    const cells = names.map((to) => (from === to ? "-" : matrix[from]?.[to] ? "yes" : "no").padEnd(width));
    process.stdout.write(`  ${from.padEnd(width)}  ${cells.join("  ")}\n`);
  }

  const cost = outputs.costBreakdown;
  process.stdout.write(`\nEstimated cost: ${outputs.estimatedDailyCostCny} CNY/day`);
  if (cost?.perMonth !== undefined) process.stdout.write(`, ${cost.perMonth} CNY/month`);
  process.stdout.write("\n");
  for (const line of cost?.lines ?? []) process.stdout.write(`  ${line}\n`);
}

function howToContinue() {
  const rel = (p) => relative(process.cwd(), p) || ".";
  heading("Next");
  process.stdout.write(
    [
      "Destroy everything the demo made:  npm run demo -- destroy",
      "Or drive the same stack by hand:",
      `  export PATH="${rel(join(ROOT, ".tools", "bin"))}:$PATH" PULUMI_BACKEND_URL=file://${join(stateDir, "backend")}`,
      `  export PULUMI_HOME=${join(stateDir, "home")} PULUMI_CONFIG_PASSPHRASE=peerlink-local-state`,
      `  export PEERLINK_STATE=${peerlinkState}`,
      `  pulumi stack output --stack ${STACK}; pulumi refresh --stack ${STACK}; pulumi destroy --stack ${STACK}`,
      "",
    ].join("\n"),
  );
}

const command = process.argv[2] ?? "up";
if (!["up", "destroy"].includes(command)) {
  process.stderr.write(`demo: unknown command "${command}" (use: npm run demo [-- destroy])\n`);
  process.exit(2);
}

heading("Engines (taken from PATH, else built from the Go module proxy into .tools/bin)");
const { engines } = await ensureEngines({ only: ["pulumi"] });
process.stdout.write(`pulumi ${engines.pulumi.version}: ${engines.pulumi.source}\n`);

const env = pulumiEnv(stateDir, { PEERLINK_STATE: peerlinkState });

if (command === "destroy") {
  const exists =
    existsSync(join(stateDir, "backend", ".pulumi")) &&
    pulumi(env, ["stack", "select", STACK], { capture: true, allowFailure: true }).status === 0;
  if (!exists) {
    process.stdout.write("Nothing to destroy: the demo's stack does not exist here.\n");
    process.exit(0);
  }
  heading("Destroy the demo stack");
  pulumi(env, ["destroy", "--yes", "--skip-preview", "--stack", STACK]);
  pulumi(env, ["stack", "rm", "--yes", STACK]);
  process.stdout.write("\nThe demo's resources are gone from the local backend and its stack is removed.\n");
  process.exit(0);
}

heading("Stack (Pulumi state in local files under .peerlink/demo/, no login)");
const selected = pulumi(env, ["stack", "select", STACK], { capture: true, allowFailure: true });
if (selected.status !== 0) pulumi(env, ["stack", "init", STACK]);

heading("pulumi up: the two-region DR example on the embedded local backend");
pulumi(env, ["up", "--yes", "--skip-preview", "--stack", STACK]);

const outputs = JSON.parse(
  pulumi(env, ["stack", "output", "--json", "--stack", STACK], { capture: true }).stdout,
);
printResult(outputs);

heading("A second preview: nothing to change (it fails if there is)");
pulumi(env, ["preview", "--expect-no-changes", "--stack", STACK]);
process.stdout.write("\nNo changes: the state, the program and the backend agree.\n");

howToContinue();

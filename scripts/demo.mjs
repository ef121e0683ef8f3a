#!/usr/bin/env node
// The main job (README, first command): validate, show reachability, estimate the cost and draw the two-region
// DR example with the built CLI exactly as a user runs it, then apply it to the embedded local backend (a fresh
// state file) through `peerlink/backends`. Running it through the real `pulumi up` is issue #7.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = fileURLToPath(new URL("../dist/provider/cli/main.js", import.meta.url));
const example = "examples/two-region-dr.yaml";

const steps = [
  ["Validate the topology (plan-time checks, no cloud needed)", ["validate", example]],
  [
    "Reachability: what each side routes through the peering, and whether replies come back",
    ["reachability", example],
  ],
  ["Estimated cost (Tencent mainland prices, seed 000)", ["cost", example]],
  ["Graph (Mermaid, paste into a pull request)", ["graph", example, "--format", "mermaid"]],
];

for (const [title, args] of steps) {
  process.stdout.write(`\n== ${title}\n$ peerlink ${args.join(" ")}\n\n`);
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    process.stderr.write(`\ndemo: \`peerlink ${args.join(" ")}\` exited with ${result.status}\n`);
    process.exit(result.status ?? 1);
  }
}
await applyToLocalBackend();

/**
 * Creates the example's VPCs, peerings (accepted by the peer account when it differs), routes and per-IP limits on
 * the local backend, and prints what the backend reports: the same states and refusals the clouds give.
 */
async function applyToLocalBackend() {
  const { parseTopologyText, validateDocument } = await import("../dist/provider/core/index.js");
  const { LocalStateEngine } = await import("../dist/provider/backends/index.js");
  process.stdout.write("\n== Apply to the embedded local backend (SQLite, no cloud account)\n\n");
  const { topology } = validateDocument(
    parseTopologyText(readFileSync(join(root, example), "utf8"), example),
  );
  const dir = mkdtempSync(join(tmpdir(), "peerlink-demo-"));
  const engine = LocalStateEngine.open({ file: join(dir, "state.db") });
  try {
    const vpcs = new Map();
    for (const spec of topology.document.vpcs) {
      const session = engine.session(spec.account);
      const vpc = await session.createVpc({
        name: spec.id,
        region: spec.region,
        cidrs: spec.cidrs,
        cloud: spec.cloud,
        routeTables: spec.routeTables ?? [],
      });
      vpcs.set(spec.id, { vpc, session, tables: new Map(vpc.routeTables.map((t) => [t.name, t.id])) });
      process.stdout.write(`VPC ${spec.id} -> ${vpc.id} (${spec.region}, account ${spec.account})\n`);
    }
    const peerings = new Map();
    for (const spec of topology.document.peerings) {
      const from = vpcs.get(spec.vpc);
      const to = vpcs.get(spec.peerVpc);
      let peering = await from.session.createPeering({
        vpcId: from.vpc.id,
        peerVpcId: to.vpc.id,
        peerAccount: to.vpc.account,
        name: spec.name ?? spec.id,
        ...(spec.bandwidthMbps === undefined ? {} : { bandwidthMbps: spec.bandwidthMbps }),
        ...(spec.chargeType === undefined ? {} : { chargeType: spec.chargeType }),
        ...(spec.serviceLevel === undefined ? {} : { serviceLevel: spec.serviceLevel }),
      });
      if (peering.status === "PENDING") peering = await to.session.acceptPeering(peering.id);
      peerings.set(spec.id, peering);
      process.stdout.write(
        `Peering ${spec.id} -> ${peering.id}: ${peering.status}, ${peering.bandwidthMbps ?? "-"} Mbps\n`,
      );
    }
    for (const spec of topology.document.routes) {
      const side = vpcs.get(spec.vpc);
      const route = await side.session.createRoute({
        vpcId: side.vpc.id,
        ...(spec.routeTable === undefined ? {} : { routeTableId: side.tables.get(spec.routeTable) }),
        destination: spec.destination,
        peeringId: peerings.get(spec.peering).id,
      });
      process.stdout.write(
        `Route ${spec.vpc} [${spec.routeTable ?? "main"}] ${route.destination} via ${spec.peering}: ${route.id}\n`,
      );
    }
    for (const spec of topology.document.bandwidthPolicies) {
      const peering = peerings.get(spec.peering);
      const owner = vpcs.get(spec.vpc ?? topology.peeringById.get(spec.peering).vpc.id);
      await owner.session.setBandwidthLimit(peering.id, {
        vpcId: owner.vpc.id,
        ip: spec.ip,
        limitMbps: spec.limitMbps,
      });
      process.stdout.write(`Per-IP limit ${spec.ip} on ${spec.peering}: ${spec.limitMbps} Mbps\n`);
    }
    // The backend refuses what the clouds refuse: a second peering for the same pair.
    const [first] = topology.document.peerings;
    const from = vpcs.get(first.vpc);
    try {
      await from.session.createPeering({
        vpcId: from.vpc.id,
        peerVpcId: vpcs.get(first.peerVpc).vpc.id,
        name: "again",
      });
    } catch (error) {
      process.stdout.write(
        `A second peering for the same pair is refused: ${error.code} (${error.cloudCode})\n`,
      );
    }
  } finally {
    engine.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

process.stdout.write(
  "\nDone. Try breaking the example (overlap a CIDR, route through a third VPC) and validate again.\n",
);

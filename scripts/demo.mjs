#!/usr/bin/env node
// The main job (README, first command): validate, show reachability, estimate the cost and draw the two-region
// DR example, using the built CLI exactly as a user runs it. Until the Pulumi example exists (issue #5/#7), this
// is the whole DR story that works without any cloud account.
import { spawnSync } from "node:child_process";
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
process.stdout.write(
  "\nDone. Try breaking the example (overlap a CIDR, route through a third VPC) and validate again.\n",
);

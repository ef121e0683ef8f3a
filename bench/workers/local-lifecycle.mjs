// One process of bench/local-backend.bench.ts: runs full peering lifecycles on the BUILT local backend (dist/),
// timed from the parent's "go" line, so that process start-up, module loading and JIT warm-up stay out of the
// figures. Every case of the bench (":memory:", one file with 1, 2 or 4 processes) runs this same code.
//
// argv[2] is a JSON config: { module, file, worker, lifecycles, warmup }.
// stdout: {"type":"ready"} once warmed up and the file is open; {"type":"done","elapsedMs":...,"ops":...,
// "durations":[...]} after the timed lifecycles (durations: one per operation, in ms).
import { createInterface } from "node:readline";

const config = JSON.parse(process.argv[2]);
const { LocalStateEngine } = await import(config.module);

/** The operations of one lifecycle. */
const OPS_PER_LIFECYCLE = 9;

/**
 * Two VPCs in two accounts, a cross-account peering, accept, a route on each side, delete the peering (which
 * removes the routes), delete both VPCs: 9 operations, each its own write transaction.
 */
async function lifecycle(a, b, i, record) {
  const timed = async (fn) => {
    const start = performance.now();
    const value = await fn();
    record(performance.now() - start);
    return value;
  };
  const x = await timed(() =>
    a.createVpc({ name: `bench-${i}-x`, region: "ap-guangzhou", cidrs: ["10.0.0.0/24"] }),
  );
  const y = await timed(() =>
    b.createVpc({ name: `bench-${i}-y`, region: "ap-guangzhou", cidrs: ["10.0.1.0/24"] }),
  );
  const p = await timed(() =>
    a.createPeering({ vpcId: x.id, peerVpcId: y.id, peerAccount: b.account, name: `bench-${i}` }),
  );
  await timed(() => b.acceptPeering(p.id));
  await timed(() => a.createRoute({ vpcId: x.id, destination: "10.0.1.0/24", peeringId: p.id }));
  await timed(() => b.createRoute({ vpcId: y.id, destination: "10.0.0.0/24", peeringId: p.id }));
  await timed(() => a.deletePeering(p.id));
  await timed(() => a.deleteVpc(x.id));
  await timed(() => b.deleteVpc(y.id));
}

const sessions = (engine) => [
  engine.session(`3000000000${config.worker}1`),
  engine.session(`3000000000${config.worker}2`),
];

// Warm-up on a private in-memory state, so the JIT has compiled the code path without touching the file.
const scratch = LocalStateEngine.open({ file: ":memory:" });
const [wa, wb] = sessions(scratch);
for (let i = 0; i < config.warmup; i++) await lifecycle(wa, wb, i, () => {});
scratch.close();

const engine = LocalStateEngine.open({ file: config.file });
const [a, b] = sessions(engine);
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
process.stdout.write(`${JSON.stringify({ type: "ready" })}\n`);
const go = await lines.next();
if (go.done || go.value.trim() !== "go") throw new Error(`expected "go", got ${JSON.stringify(go.value)}`);

const durations = [];
const record = (ms) => durations.push(ms);
const start = performance.now();
for (let i = 0; i < config.lifecycles; i++) await lifecycle(a, b, i, record);
const elapsedMs = performance.now() - start;
engine.close();
process.stdout.write(
  `${JSON.stringify({ type: "done", elapsedMs, ops: config.lifecycles * OPS_PER_LIFECYCLE, durations })}\n`,
);
process.stdin.destroy();

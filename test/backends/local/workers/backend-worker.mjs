// One worker process of the multi-process tests (test/backends/local/concurrency.test.ts). Plain JavaScript on
// the BUILT package (dist/), so it runs under bare `node`, without tsx.
//
// argv[2] is a JSON config: { module, file, openAfterGo, phases: [[op, ...], ...] }.
// Protocol on stdout, one JSON object a line:
//   {"type":"ready"}                                 the worker is loaded (and has opened the file, unless
//                                                    openAfterGo) and waits for the parent's barrier;
//   {"type":"done","phase":k,"results":[...]}        after each phase; the parent answers "go <k+1>".
// The parent writes "go <k>" on stdin when EVERY worker is ready for phase k, so that all of them hit the state
// file at the same moment (a barrier, no sleeps). The worker exits 0 after the last phase; an operation that
// fails with anything other than a coded BackendError is reported as `unexpected`, never swallowed.
import { createInterface } from "node:readline";

const config = JSON.parse(process.argv[2]);
const { LocalStateEngine, isBackendError } = await import(config.module);

const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();

function send(message) {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

async function barrier(phase) {
  const { value, done } = await lines.next();
  if (done || value.trim() !== `go ${phase}`)
    throw new Error(`expected "go ${phase}" on stdin, got ${done ? "end of input" : JSON.stringify(value)}`);
}

let engine;
const sessions = new Map();
function session(account) {
  let s = sessions.get(account);
  if (!s) {
    s = engine.session(account);
    sessions.set(account, s);
  }
  return s;
}

/** Runs one operation and describes its outcome; coded refusals are results, anything else is `unexpected`. */
async function attempt(tag, op, fn) {
  try {
    const value = await fn();
    return { tag, op, ok: true, ...(value ?? {}) };
  } catch (error) {
    if (isBackendError(error)) return { tag, op, ok: false, code: error.code, cloudCode: error.cloudCode };
    return { tag, op, ok: false, unexpected: String(error?.stack ?? error) };
  }
}

async function run(step) {
  const s = session(step.as);
  switch (step.op) {
    case "createVpc":
      return attempt(step.tag, step.op, async () => ({ id: (await s.createVpc(step.input)).id }));
    case "deleteVpc":
      return attempt(step.tag, step.op, async () => {
        await s.deleteVpc(step.id);
        return { id: step.id };
      });
    case "createPeering":
      return attempt(step.tag, step.op, async () => {
        const p = await s.createPeering(step.input);
        return { id: p.id, status: p.status };
      });
    case "acceptPeering":
      return attempt(step.tag, step.op, async () => {
        const p = await s.acceptPeering(step.id);
        return { id: p.id, status: p.status };
      });
    case "deletePeering":
      return attempt(step.tag, step.op, async () => {
        await s.deletePeering(step.id);
        return { id: step.id };
      });
    case "createRoute":
      return attempt(step.tag, step.op, async () => {
        const r = await s.createRoute(step.input);
        return { id: r.id, peeringId: r.peeringId, routeTableId: r.routeTableId };
      });
    default:
      throw new Error(`unknown op ${step.op}`);
  }
}

/**
 * A full lifecycle, `iterations` times, between accounts `as[0]` and `as[1]`: two VPCs, a cross-account peering,
 * accept, a route on each side; every other iteration deletes the peering (from alternating sides) and both
 * VPCs. Every step is valid, so every step must succeed whatever the other workers do.
 */
async function churn(step) {
  const [x, y] = step.as;
  const results = [];
  const must = async (tag, op, account, fn) => {
    const result = await attempt(tag, op, fn);
    results.push({ ...result, account });
    return result;
  };
  for (let i = 0; i < step.iterations; i++) {
    const tag = `${step.tag}:${i}`;
    const cidrA = `10.${step.octet}.${i}.0/25`;
    const cidrB = `10.${step.octet}.${i}.128/25`;
    const a = await must(tag, "createVpc", x, async () => ({
      id: (await session(x).createVpc({ name: `${tag}:a`, region: "ap-guangzhou", cidrs: [cidrA] })).id,
    }));
    const b = await must(tag, "createVpc", y, async () => ({
      id: (await session(y).createVpc({ name: `${tag}:b`, region: "ap-guangzhou", cidrs: [cidrB] })).id,
    }));
    if (!a.ok || !b.ok) break;
    const p = await must(tag, "createPeering", x, async () => {
      const info = await session(x).createPeering({
        vpcId: a.id,
        peerVpcId: b.id,
        peerAccount: y,
        name: `${tag}:p`,
      });
      return { id: info.id, status: info.status };
    });
    if (!p.ok) break;
    const accepted = await must(tag, "acceptPeering", y, async () => {
      const info = await session(y).acceptPeering(p.id);
      return { id: info.id, status: info.status };
    });
    if (!accepted.ok) break;
    for (const [account, vpc, destination] of [
      [x, a.id, cidrB],
      [y, b.id, cidrA],
    ]) {
      await must(tag, "createRoute", account, async () => {
        const r = await session(account).createRoute({ vpcId: vpc, destination, peeringId: p.id });
        return { id: r.id, peeringId: r.peeringId, routeTableId: r.routeTableId };
      });
    }
    if (i % 2 === 0) {
      const side = i % 4 === 0 ? x : y;
      await must(tag, "deletePeering", side, async () => {
        await session(side).deletePeering(p.id);
        return { id: p.id };
      });
      await must(tag, "deleteVpc", x, async () => {
        await session(x).deleteVpc(a.id);
        return { id: a.id };
      });
      await must(tag, "deleteVpc", y, async () => {
        await session(y).deleteVpc(b.id);
        return { id: b.id };
      });
    }
  }
  return results;
}

if (!config.openAfterGo) engine = LocalStateEngine.open({ file: config.file });
send({ type: "ready" });
for (let phase = 0; phase < config.phases.length; phase++) {
  await barrier(phase);
  if (!engine) engine = LocalStateEngine.open({ file: config.file });
  const results = [];
  for (const step of config.phases[phase]) {
    if (step.op === "churn") results.push(...(await churn(step)));
    else results.push({ ...(await run(step)), account: step.as });
  }
  send({ type: "done", phase, results });
}
engine?.close();
process.stdin.destroy();

// The victim of test/backends/local/crash.test.ts: a tight write loop on the BUILT package that the parent kills
// with SIGKILL at an arbitrary point. argv[2] is a JSON config: { module, file, prefix, first, limit }.
//
// After every operation has returned (its transaction is committed) the worker writes one JSON line on stdout:
//   {"seq":n,"j":iteration,"op":...,"id":...,"next":{"j":...,"op":...,"side":...}}
// and before the first one {"seq":0,"type":"ready","next":{...}}. `next` names the operation it starts next, so
// the parent knows the only write that may be committed without having been acknowledged. On Linux, writes to a
// pipe from process.stdout are synchronous, so a line written before the kill is never lost.
const config = JSON.parse(process.argv[2]);
const { LocalStateEngine } = await import(config.module);

const A = "200000000001";
const B = "200000000002";
const engine = LocalStateEngine.open({ file: config.file });
const a = engine.session(A);
const b = engine.session(B);

/**
 * Iteration j: two VPCs in two accounts, a cross-account peering with a client token, accept, a route on each
 * side; then, by j % 3, keep everything, delete the peering (its routes go with it) and both VPCs, or delete
 * the requester-side route.
 */
function steps(j) {
  const base = [
    "createVpc:a",
    "createVpc:b",
    "createPeering",
    "acceptPeering",
    "createRoute:a",
    "createRoute:b",
  ];
  if (j % 3 === 1) return [...base, "deletePeering", "deleteVpc:a", "deleteVpc:b"];
  if (j % 3 === 2) return [...base, "deleteRoute:a"];
  return base;
}

const describeStep = (j, k) => {
  const [op, side] = steps(j)[k].split(":");
  return side === undefined ? { j, op } : { j, op, side };
};

function nextOf(j, k) {
  return k + 1 < steps(j).length ? describeStep(j, k + 1) : describeStep(j + 1, 0);
}

let seq = 0;
function ack(j, k, id) {
  seq++;
  process.stdout.write(`${JSON.stringify({ seq, ...describeStep(j, k), id, next: nextOf(j, k) })}\n`);
}

process.stdout.write(`${JSON.stringify({ seq: 0, type: "ready", next: describeStep(config.first, 0) })}\n`);

for (let j = config.first; j < config.first + config.limit; j++) {
  const name = `${config.prefix}-${j}`;
  // Disjoint halves of one /24 per iteration: the pair never overlaps, whatever else is in the file.
  const cidrA = `10.${(j >> 8) & 255}.${j & 255}.0/25`;
  const cidrB = `10.${(j >> 8) & 255}.${j & 255}.128/25`;
  const made = {};
  for (const [k, step] of steps(j).entries()) {
    let id;
    switch (step) {
      case "createVpc:a":
        id = made.a = (await a.createVpc({ name: `${name}-a`, region: "ap-guangzhou", cidrs: [cidrA] })).id;
        break;
      case "createVpc:b":
        id = made.b = (await b.createVpc({ name: `${name}-b`, region: "ap-guangzhou", cidrs: [cidrB] })).id;
        break;
      case "createPeering":
        id = made.p = (
          await a.createPeering({
            vpcId: made.a,
            peerVpcId: made.b,
            peerAccount: B,
            name,
            clientToken: name,
          })
        ).id;
        break;
      case "acceptPeering":
        id = (await b.acceptPeering(made.p)).id;
        break;
      case "createRoute:a":
        id = made.ra = (
          await a.createRoute({
            vpcId: made.a,
            destination: cidrB,
            peeringId: made.p,
            description: `${name}-a`,
          })
        ).id;
        break;
      case "createRoute:b":
        id = made.rb = (
          await b.createRoute({
            vpcId: made.b,
            destination: cidrA,
            peeringId: made.p,
            description: `${name}-b`,
          })
        ).id;
        break;
      case "deletePeering":
        await b.deletePeering(made.p);
        id = made.p;
        break;
      case "deleteVpc:a":
        await a.deleteVpc(made.a);
        id = made.a;
        break;
      case "deleteVpc:b":
        await b.deleteVpc(made.b);
        id = made.b;
        break;
      case "deleteRoute:a":
        await a.deleteRoute(made.ra);
        id = made.ra;
        break;
    }
    ack(j, k, id);
  }
}
// Not killed in time: the parent treats a normal exit as a failed test.
engine.close();

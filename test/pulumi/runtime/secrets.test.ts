/**
 * Credentials are secrets: no check failure, no error (message, stack or cause) and no output other than the
 * `connection` (which the resources mark as an additional secret output) ever carries the secret key.
 */
import { afterEach, beforeEach, expect, it } from "vitest";
import {
  bandwidthPolicy,
  peering,
  peeringAcceptance,
  routeRule,
  vpc,
} from "../../../provider/pulumi/runtime/index.js";
import { ACCOUNT_B, BJ, GZ, impl, openWorld, rejection, SECRET_KEY, strings, type World } from "./support.js";

let world: World;
let a: Record<string, unknown>;
let b: Record<string, unknown>;
beforeEach(() => {
  world = openWorld();
  a = { ...world.a, secretId: "AKID-test", secretKey: SECRET_KEY };
  b = { ...world.b, secretId: "AKID-test-b", secretKey: SECRET_KEY };
});
afterEach(() => world.close());

/** Everything an error shows a user: message, stack, cause chain, own properties. */
function errorText(error: unknown, depth = 0): string {
  if (!(error instanceof Error) || depth > 5) return String(error);
  const own = Object.entries(error)
    .filter(([k]) => k !== "cause")
    .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`);
  return [
    error.message,
    error.stack ?? "",
    ...own,
    errorText((error as { cause?: unknown }).cause, depth + 1),
  ].join("\n");
}

async function expectNoLeak(promise: Promise<unknown>): Promise<void> {
  const error = await rejection(promise);
  expect(errorText(error)).not.toContain(SECRET_KEY);
}

/** Outputs minus the connection: none of them may carry the key. */
function expectOutputsClean(outs: Record<string, unknown>): void {
  const { connection, ...rest } = outs;
  expect(strings(rest).some((s) => s.includes(SECRET_KEY))).toBe(false);
  // The connection keeps it (delete and refresh need the credentials), which is why it is a secret output.
  expect((connection as Record<string, unknown>).secretKey).toBe(SECRET_KEY);
}

it("check failures (zod, typos, live rules) never quote the key", async () => {
  const zod = await impl(peering).check(
    {},
    {
      connection: { ...a, secretkey: SECRET_KEY, endpoint: "not a url", kind: "nowhere" },
      vpcId: 1,
      peerVpcId: "w",
      name: "p",
    },
  );
  expect(zod.failures.map((f) => f.property).sort()).toEqual([
    "connection.endpoint",
    "connection.kind",
    "connection.secretkey",
    "vpcId",
  ]);
  expect(JSON.stringify(zod.failures)).not.toContain(SECRET_KEY);

  const x = await impl(vpc).create({ connection: a, name: "x", region: GZ, cidrs: ["10.0.0.0/16"] });
  const y = await impl(vpc).create({ connection: a, name: "y", region: BJ, cidrs: ["10.0.0.0/24"] });
  const live = await impl(peering).check(
    {},
    { connection: a, vpcId: x.id, peerVpcId: y.id, name: "p", bandwidthMbps: 7 },
  );
  expect(live.failures.map((f) => f.reason.split(":")[0]).sort()).toEqual([
    "CIDR_OVERLAP",
    "INVALID_BANDWIDTH",
  ]);
  expect(JSON.stringify(live.failures)).not.toContain(SECRET_KEY);
});

it("errors from create, zod parsing, waiting and adoption never carry the key", async () => {
  const x = await impl(vpc).create({ connection: a, name: "x", region: GZ, cidrs: ["10.0.0.0/16"] });
  const y = await impl(vpc).create({ connection: b, name: "y", region: GZ, cidrs: ["10.1.0.0/16"] });
  const p = await impl(peering).create({
    connection: a,
    vpcId: x.id,
    peerVpcId: y.id,
    peerAccount: ACCOUNT_B,
    name: "p",
  });

  await expectNoLeak(
    impl(vpc).create({ connection: { ...a, endpoint: "::" }, name: "v", region: GZ, cidrs: ["x"] }),
  );
  await expectNoLeak(
    impl(peering).create({ connection: a, vpcId: x.id, peerVpcId: "vpc-missing", name: "q" }),
  );
  await expectNoLeak(
    impl(routeRule).create({
      connection: a,
      vpcId: x.id,
      destination: "10.1.0.0/16",
      peeringId: p.id,
      timeoutSeconds: 0.2,
    }),
  );
  await expectNoLeak(impl(peeringAcceptance).create({ connection: a, peeringId: p.id, timeoutSeconds: 0.2 }));
  await expectNoLeak(
    impl(vpc).create({ connection: a, name: "v", region: BJ, cidrs: ["10.0.0.0/16"], existingId: x.id }),
  );
  await expectNoLeak(impl(bandwidthPolicy).create({ connection: a, peeringId: p.id, timeoutSeconds: 0.2 }));
});

it.each(["tencentcloud", "huaweicloud", "baiducloud"])(
  "a %s connection that cannot be opened never shows its key",
  async (kind) => {
    const connection = {
      kind,
      region: GZ,
      secretId: "AKID-test",
      secretKey: SECRET_KEY,
      endpoint: "http://127.0.0.1:9",
    };
    await expectNoLeak(impl(vpc).create({ connection, name: "v", region: GZ, cidrs: ["10.0.0.0/16"] }));
    const checked = await impl(peering)
      .check({}, { connection, vpcId: "vpc-1", peerVpcId: "vpc-2", name: "p" })
      .then((r) => JSON.stringify(r), errorText);
    expect(checked).not.toContain(SECRET_KEY);
  },
);

it("outputs carry the key only inside the connection (the secret output)", async () => {
  const x = await impl(vpc).create({ connection: a, name: "x", region: GZ, cidrs: ["10.0.0.0/16"] });
  const y = await impl(vpc).create({ connection: b, name: "y", region: BJ, cidrs: ["10.1.0.0/16"] });
  expectOutputsClean(x.outs);
  const p = await impl(peering).create({
    connection: a,
    vpcId: x.id,
    peerVpcId: y.id,
    peerAccount: ACCOUNT_B,
    name: "p",
    bandwidthMbps: 100,
  });
  expectOutputsClean(p.outs);
  const acc = await impl(peeringAcceptance).create({ connection: b, peeringId: p.id });
  expectOutputsClean(acc.outs);
  const route = await impl(routeRule).create({
    connection: a,
    vpcId: x.id,
    destination: "10.1.0.0/16",
    peeringId: p.id,
  });
  expectOutputsClean(route.outs);
  const policy = await impl(bandwidthPolicy).create({
    connection: a,
    peeringId: p.id,
    limits: [{ ip: "10.0.0.9", limitMbps: 5 }],
  });
  expectOutputsClean(policy.outs);
  const read = await impl(peering).read(p.id, p.outs);
  expectOutputsClean(read.props ?? {});
});

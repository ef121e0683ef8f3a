/**
 * `pulumi import` through the plugin on the cloud backends (issue 13: "producing inputs that make the next preview
 * show no changes"), against the emulator: a peering made out of band without a charge type is read back by each
 * cloud with the cloud's own billing where the cloud reports one (Baidu answers paymentTiming "Postpaid"). The
 * import must record inputs that diff as no change, and a program that leaves the billing out, as most do, must
 * diff as no change too. Tencent's peer VPC, in another region, is read in its own region by the check.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Backend } from "../../provider/backends/backend.js";
import { BaiduCloudBackend } from "../../provider/backends/baiducloud/baiducloud-backend.js";
import { TencentCloudBackend } from "../../provider/backends/tencentcloud/tencentcloud-backend.js";
import { type RunningEmulator, startEmulator } from "../../provider/emulator/server.js";
import {
  checkRequest,
  configureRequest,
  diffRequest,
  type Plugin,
  proto,
  readRequest,
  secret,
  startPlugin,
  urnOf,
} from "./support.js";

const PEERING = "peerlink:index:Peering";
const ALICE = {
  id: "100000000011",
  secretId: "AKIDimportAlice00000000000000001",
  secretKey: "importAliceSecret000000000000001",
};

type Props = Record<string, unknown>;

let emulator: RunningEmulator;
let plugin: Plugin;
beforeAll(async () => {
  emulator = await startEmulator({ accounts: [ALICE], rateLimits: false, port: 0 });
  plugin = await startPlugin();
});
afterAll(async () => {
  await plugin?.close();
  await emulator?.close();
});

const CLOUDS = [
  {
    cloud: "tencentcloud",
    region: "ap-guangzhou",
    peerRegion: "ap-beijing",
    bandwidthMbps: 100,
    config: (url: string) => ({
      backend: "tencentcloud",
      account: ALICE.id,
      region: "ap-guangzhou",
      endpoint: url,
    }),
    backend: (url: string, region: string): Backend =>
      new TencentCloudBackend({
        account: ALICE.id,
        region,
        secretId: ALICE.secretId,
        secretKey: ALICE.secretKey,
        endpoint: url,
        pacing: false,
        env: {},
      }),
  },
  {
    cloud: "baiducloud",
    region: "bj",
    peerRegion: undefined,
    bandwidthMbps: 10,
    config: (url: string) => ({ backend: "baiducloud", account: ALICE.id, region: "bj", endpoint: url }),
    backend: (url: string, region: string): Backend =>
      new BaiduCloudBackend({
        endpoint: url,
        region,
        accessKey: ALICE.secretId,
        secretKey: ALICE.secretKey,
        accountId: ALICE.id,
        env: {},
      }),
  },
] as const;

async function check(urn: string, news: Props, olds: Props = {}) {
  const resp = await plugin.call("check", checkRequest(urn, olds, news));
  expect(
    resp
      .getFailuresList()
      .map((f: { getProperty(): string; getReason(): string }) => `${f.getProperty()}: ${f.getReason()}`),
  ).toEqual([]);
  return resp.getInputs().toJavaScript() as Props;
}

async function changes(id: string, urn: string, olds: Props, news: Props) {
  const resp = await plugin.call("diff", diffRequest(id, urn, olds, news));
  return { changes: resp.getChanges(), diffs: resp.getDiffsList() as string[] };
}

describe.each(CLOUDS)("import of a peering made without a charge type, $cloud backend", (c) => {
  it("records inputs that diff as no change, and a program without the billing diffs as no change too", async () => {
    await plugin.call(
      "configure",
      configureRequest({
        ...c.config(emulator.url),
        secretId: ALICE.secretId,
        secretKey: secret(ALICE.secretKey),
      }),
    );
    const here = c.backend(emulator.url, c.region);
    const there = c.peerRegion === undefined ? here : c.backend(emulator.url, c.peerRegion);
    const a = await here.createVpc({ name: "a", region: c.region, cidrs: ["10.0.0.0/16"] });
    const b = await there.createVpc({ name: "b", region: c.peerRegion ?? c.region, cidrs: ["10.1.0.0/16"] });
    const made = await here.createPeering({
      vpcId: a.id,
      peerVpcId: b.id,
      name: "ab",
      bandwidthMbps: c.bandwidthMbps,
      ...(c.peerRegion === undefined ? {} : { peerRegion: c.peerRegion }),
    });
    const billing = (await here.describePeering(made.id)).chargeType;

    const urn = urnOf(PEERING, `ab-${c.cloud}`);
    const read = await plugin.call("read", readRequest(made.id, urn));
    const inputs = read.getInputs().toJavaScript() as Props;
    const props = read.getProperties().toJavaScript() as Props;
    expect(inputs).toMatchObject({
      vpcId: a.id,
      peerVpcId: b.id,
      name: "ab",
      bandwidthMbps: c.bandwidthMbps,
    });

    const asImported = await check(urn, inputs, inputs);
    expect(await changes(made.id, urn, props, asImported)).toEqual({
      changes: proto.DiffResponse.DiffChanges.DIFF_NONE,
      diffs: [],
    });
    const { chargeType: _billing, ...withoutBilling } = inputs;
    // After an import the engine checks the program's inputs against the imported ones.
    const asWritten = await check(urn, withoutBilling, inputs);
    expect(await changes(made.id, urn, props, asWritten)).toEqual({
      changes: proto.DiffResponse.DiffChanges.DIFF_NONE,
      diffs: [],
    });
    // Declared again, and different from what the cloud has, the billing is a change as usual.
    if (billing !== undefined) {
      const other = billing === "Postpaid" ? "Prepaid" : "Postpaid";
      expect((await changes(made.id, urn, props, { ...asImported, chargeType: other })).changes).toBe(
        proto.DiffResponse.DiffChanges.DIFF_SOME,
      );
    }
    await here.deletePeering(made.id);
  });
});

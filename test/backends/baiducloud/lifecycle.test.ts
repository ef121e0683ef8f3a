/** The shared Backend lifecycle suite, run by the baiducloud backend against the emulator's Baidu protocol. */
import { BaiduCloudBackend } from "../../../provider/backends/baiducloud/baiducloud-backend.js";
import { baiducloudHandler } from "../../../provider/emulator/baiducloud/handler.js";
import type { EmulatorAccount } from "../../../provider/emulator/protocol.js";
import { startTestEmulator, TEST_ACCOUNTS } from "../../emulator/support/emulator.js";
import { describeLifecycleSuite } from "../shared/lifecycle-suite.js";

describeLifecycleSuite("baiducloud", async () => {
  const emulator = await startTestEmulator(baiducloudHandler);
  const backend = (account: EmulatorAccount) =>
    new BaiduCloudBackend({
      endpoint: emulator.url,
      region: "bj",
      accessKey: account.secretId,
      secretKey: account.secretKey,
      accountId: account.id,
      env: {},
      // The suite creates peerings without a bandwidth; Baidu requires one.
      defaultBandwidthMbps: 10,
    });
  const [a, b, c] = TEST_ACCOUNTS as [EmulatorAccount, EmulatorAccount, EmulatorAccount];
  return {
    cloud: "baiducloud",
    requester: backend(a),
    accepter: backend(b),
    stranger: backend(c),
    reopen: () => backend(a),
    region: "bj",
    // One endpoint serves one region, so the suite's cross-region resize (one backend, two regions) is skipped;
    // resize is covered in baiducloud-backend.test.ts.
    otherRegion: "gz",
    close: () => emulator.close(),
  };
});

/** The shared Backend lifecycle suite, run by the huaweicloud backend against the emulator's Huawei protocol. */
import { HuaweiCloudBackend } from "../../../provider/backends/huaweicloud/huaweicloud-backend.js";
import { huaweicloudHandler } from "../../../provider/emulator/huaweicloud/handler.js";
import type { EmulatorAccount } from "../../../provider/emulator/protocol.js";
import { startTestEmulator, TEST_ACCOUNTS } from "../../emulator/support/emulator.js";
import { describeLifecycleSuite } from "../shared/lifecycle-suite.js";

describeLifecycleSuite("huaweicloud", async () => {
  const emulator = await startTestEmulator(huaweicloudHandler);
  const backend = (account: EmulatorAccount) =>
    new HuaweiCloudBackend({
      endpoint: emulator.url,
      region: "cn-north-4",
      accessKey: account.secretId,
      secretKey: account.secretKey,
      projectId: account.id,
      env: {},
    });
  const [a, b, c] = TEST_ACCOUNTS as [EmulatorAccount, EmulatorAccount, EmulatorAccount];
  return {
    cloud: "huaweicloud",
    requester: backend(a),
    accepter: backend(b),
    stranger: backend(c),
    region: "cn-north-4",
    // Huawei peerings are regional and have no bandwidth: no resize step.
    otherRegion: "cn-south-1",
    // A second `pulumi up`: a new backend object of the requester account, sharing only the cloud.
    reopen: () => backend(a),
    close: () => emulator.close(),
  };
});

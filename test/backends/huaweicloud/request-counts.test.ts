/** Requests per lifecycle step through the huaweicloud backend (the shared suite). */
import { HuaweiCloudBackend } from "../../../provider/backends/huaweicloud/huaweicloud-backend.js";
import { huaweicloudHandler } from "../../../provider/emulator/huaweicloud/handler.js";
import type { EmulatorAccount } from "../../../provider/emulator/protocol.js";
import { TEST_ACCOUNTS } from "../../emulator/support/emulator.js";
import { describeRequestCounts } from "../shared/request-count-suite.js";

describeRequestCounts("huaweicloud", {
  handler: huaweicloudHandler,
  accounts: TEST_ACCOUNTS.slice(0, 2) as [EmulatorAccount, EmulatorAccount],
  region: "cn-north-4",
  open: (url, account) =>
    new HuaweiCloudBackend({
      endpoint: url,
      region: "cn-north-4",
      accessKey: account.secretId,
      secretKey: account.secretKey,
      projectId: account.id,
      env: {},
      pacing: false,
    }),
  // The create and the accept answer the peering itself.
  expected: { create: 1, accept: 1, acceptUnknown: 1, delete: 1 },
});

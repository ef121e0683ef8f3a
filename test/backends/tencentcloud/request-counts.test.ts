/** Requests per lifecycle step through the tencentcloud backend (the shared suite). */
import { TencentCloudBackend } from "../../../provider/backends/tencentcloud/tencentcloud-backend.js";
import type { EmulatorAccount } from "../../../provider/emulator/protocol.js";
import { tencentcloudHandler } from "../../../provider/emulator/tencentcloud/handler.js";
import { describeRequestCounts } from "../shared/request-count-suite.js";
import { ACCOUNTS } from "./support.js";

describeRequestCounts("tencentcloud", {
  handler: tencentcloudHandler,
  accounts: ACCOUNTS.slice(0, 2) as [EmulatorAccount, EmulatorAccount],
  region: "ap-guangzhou",
  open: (url, account) =>
    new TencentCloudBackend({
      account: account.id,
      region: "ap-guangzhou",
      secretId: account.secretId,
      secretKey: account.secretKey,
      endpoint: url,
      env: {},
      pacing: false,
    }),
  // The accept answers nothing but its RequestId: the peering is read once afterwards.
  expected: { create: 1, accept: 1, acceptUnknown: 2, delete: 1 },
});

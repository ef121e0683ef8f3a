/** Requests per lifecycle step through the baiducloud backend (the shared suite). */
import { BaiduCloudBackend } from "../../../provider/backends/baiducloud/baiducloud-backend.js";
import { baiducloudHandler } from "../../../provider/emulator/baiducloud/handler.js";
import type { EmulatorAccount } from "../../../provider/emulator/protocol.js";
import { TEST_ACCOUNTS } from "../../emulator/support/emulator.js";
import { describeRequestCounts } from "../shared/request-count-suite.js";

describeRequestCounts("baiducloud", {
  handler: baiducloudHandler,
  accounts: TEST_ACCOUNTS.slice(0, 2) as [EmulatorAccount, EmulatorAccount],
  region: "bj",
  open: (url, account) =>
    new BaiduCloudBackend({
      endpoint: url,
      region: "bj",
      accessKey: account.secretId,
      secretKey: account.secretKey,
      accountId: account.id,
      env: {},
      defaultBandwidthMbps: 10,
      pacer: false,
    }),
  // The accept's answer is empty: the connection is read once afterwards.
  expected: { create: 1, accept: 1, acceptUnknown: 2, delete: 1 },
});

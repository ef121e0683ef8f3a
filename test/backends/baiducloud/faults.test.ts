/**
 * Exactly-once creation under injected faults through the baiducloud backend. Baidu's createPeerConn takes a
 * clientToken (seed 001): the backend sends the same one on every attempt of a create, and the cloud answers a
 * repeated token with the first result.
 */
import { BaiduCloudBackend } from "../../../provider/backends/baiducloud/baiducloud-backend.js";
import { baiducloudHandler } from "../../../provider/emulator/baiducloud/handler.js";
import { describeFaultRun } from "../shared/fault-run-suite.js";

describeFaultRun({
  name: "baiducloud",
  handler: baiducloudHandler,
  region: "bj",
  backend: (endpoint, account, retry) =>
    new BaiduCloudBackend({
      endpoint,
      region: "bj",
      accessKey: account.secretId,
      secretKey: account.secretKey,
      accountId: account.id,
      env: {},
      defaultBandwidthMbps: 10,
      ...(retry ? { retry } : {}),
    }),
});

/**
 * The shared fault run (../shared/fault-run-suite.ts) through the tencentcloud backend: exactly-once creates under
 * throttling, 5xx and dropped answers, and creates that gave up adopted by a new session through their create
 * tokens (issue 17; Tencent keeps the token as a tag or a RouteDescription marker, CreateVpc and
 * CreateVpcPeeringConnection have no client token).
 */
import { TencentCloudBackend } from "../../../provider/backends/tencentcloud/tencentcloud-backend.js";
import { tencentcloudHandler } from "../../../provider/emulator/tencentcloud/handler.js";
import { describeFaultRun } from "../shared/fault-run-suite.js";

describeFaultRun({
  name: "tencentcloud",
  handler: tencentcloudHandler,
  region: "ap-guangzhou",
  backend: (endpoint, account, retry) =>
    new TencentCloudBackend({
      account: account.id,
      region: "ap-guangzhou",
      secretId: account.secretId,
      secretKey: account.secretKey,
      endpoint,
      env: {},
      ...(retry ? { retry } : {}),
    }),
});

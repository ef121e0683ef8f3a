/**
 * Exactly-once creation under injected faults through the huaweicloud backend. Huawei's createVpcPeering has no
 * client token, so this rests on the backend looking a create up by name and VPC pair before retrying it
 * (../../../provider/backends/shared/idempotent-create.ts).
 */
import { HuaweiCloudBackend } from "../../../provider/backends/huaweicloud/huaweicloud-backend.js";
import { huaweicloudHandler } from "../../../provider/emulator/huaweicloud/handler.js";
import { describeFaultRun } from "../shared/fault-run-suite.js";

describeFaultRun({
  name: "huaweicloud",
  handler: huaweicloudHandler,
  region: "cn-north-4",
  backend: (endpoint, account, retry) =>
    new HuaweiCloudBackend({
      endpoint,
      region: "cn-north-4",
      accessKey: account.secretId,
      secretKey: account.secretKey,
      projectId: account.id,
      env: {},
      ...(retry ? { retry } : {}),
    }),
});

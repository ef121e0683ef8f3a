/**
 * The protocol handlers the emulator dispatches to, in order: the first whose `matches` accepts a request
 * handles it. Tencent comes first: it is recognised by its X-TC-Action header, on any path, so it never takes a
 * Huawei (/v1/{project}/..., /v2.0/vpc/...) or Baidu (/v1/vpc, /v1/peerconn, /v1/route...) REST request.
 */
import { baiducloudHandler } from "./baiducloud/handler.js";
import { huaweicloudHandler } from "./huaweicloud/handler.js";
import type { ProtocolHandler } from "./protocol.js";
import { tencentcloudHandler } from "./tencentcloud/handler.js";

export const handlers: readonly ProtocolHandler[] = [
  tencentcloudHandler,
  huaweicloudHandler,
  baiducloudHandler,
];

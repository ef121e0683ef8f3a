/** The huaweicloud backend and its error-code table. */
export { HUAWEI_ERRORS, HUAWEI_GATEWAY, peerlinkCodeOf as huaweiPeerlinkCodeOf } from "./error-codes.js";
export {
  HUAWEI_ENV,
  HuaweiCloudBackend,
  type HuaweiCloudBackendOptions,
  openHuaweiCloudBackend,
} from "./huaweicloud-backend.js";
export { fromHuaweiStatus, type HuaweiPeeringStatus, toHuaweiStatus } from "./peering-status.js";

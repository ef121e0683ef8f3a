/** The tencentcloud backend: Tencent Cloud VPC API 2017-03-12 through the official CommonClient. */
export { parseEndpoint, TENCENT_VPC_API_VERSION, TENCENT_VPC_ENDPOINT } from "./api-client.js";
export { isRetryableCode, peerlinkCodeOf } from "./error-mapping.js";
export { TENCENT_VPC_ACTIONS, TENCENT_VPC_RATE_PER_SECOND, tencentRateOf } from "./rate-limits.js";
export {
  openTencentCloudBackend,
  TencentCloudBackend,
  type TencentCloudBackendOptions,
} from "./tencentcloud-backend.js";

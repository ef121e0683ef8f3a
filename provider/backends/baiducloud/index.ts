/** The baiducloud backend, its signer and its error-code table. */
export {
  BAIDU_ENV,
  BaiduCloudBackend,
  type BaiduCloudBackendOptions,
  openBaiduCloudBackend,
} from "./baiducloud-backend.js";
export { bceDate, signBceRequest } from "./bce-signer.js";
export { BAIDU_ERRORS, peerlinkCodeOf as baiduPeerlinkCodeOf } from "./error-codes.js";
export { fromBaiduStatus, toBaiduStatus } from "./peering-status.js";

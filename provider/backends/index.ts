/**
 * `peerlink/backends`: the Backend interface, its errors, the embedded local backend, the cloud backends and
 * their shared machinery (retry, pacing, waiting, credentials).
 */
export * from "./backend.js";
export {
  BaiduCloudBackend,
  type BaiduCloudBackendOptions,
  openBaiduCloudBackend,
} from "./baiducloud/index.js";
export * from "./clock.js";
export * from "./discover/index.js";
export * from "./errors.js";
export {
  HuaweiCloudBackend,
  type HuaweiCloudBackendOptions,
  openHuaweiCloudBackend,
} from "./huaweicloud/index.js";
export {
  LocalBackend,
  LocalStateEngine,
  type LocalStateOptions,
  openLocalBackend,
} from "./local/local-backend.js";
export { MIGRATIONS, SCHEMA_VERSION } from "./local/migrations.js";
export { PENDING_TTL_MS, type PeeringAction, TRANSITIONS } from "./local/peering-state-machine.js";
export { DEFAULT_STATE_FILE, resolveStatePath } from "./local/state-path.js";
export { readOnlyBackend, readOnlyRefusal } from "./read-only.js";
export * from "./shared/index.js";
export {
  openTencentCloudBackend,
  TencentCloudBackend,
  type TencentCloudBackendOptions,
} from "./tencentcloud/index.js";

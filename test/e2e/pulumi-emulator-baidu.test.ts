/**
 * The DR lifecycle on the real Pulumi CLI through the baiducloud backend and the emulator's Baidu protocol,
 * cross-account (test/e2e/support/dr-emulator-lifecycle.ts; Tencent's is test/e2e/pulumi-emulator.test.ts).
 */
import { describeDrLifecycle } from "./support/dr-emulator-lifecycle.js";

describeDrLifecycle("baiducloud");

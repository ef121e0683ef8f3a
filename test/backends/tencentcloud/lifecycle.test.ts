import { describeLifecycleSuite } from "../shared/lifecycle-suite.js";
import { ACCOUNTS, startTestEmulator } from "./support.js";

describeLifecycleSuite("tencentcloud", async () => {
  const t = await startTestEmulator();
  return {
    cloud: "tencentcloud",
    requester: t.backend(ACCOUNTS[0]!),
    accepter: t.backend(ACCOUNTS[1]!),
    stranger: t.backend(ACCOUNTS[2]!),
    region: "ap-guangzhou",
    otherRegion: "ap-beijing",
    resize: { from: 100, to: 200 },
    reopen: () => t.backend(ACCOUNTS[0]!),
    close: () => t.close(),
  };
});

import { defineConfig } from "vitest/config";

/**
 * The end-to-end suite (`npm run test:e2e`): the real Pulumi CLI, OpenTofu and cdktf-cli on the built package.
 * The engines are ensured once, before any file runs (test/e2e/support/global-setup.ts): a cold build takes
 * minutes, a warm one a second. Each file drives its own stacks with their own state directories.
 */
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts", "test/sdk/**/*.e2e.ts"],
    globalSetup: ["test/support/scratch-tmpdir.ts", "test/e2e/support/global-setup.ts"],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // Each test spawns the engine, the language host, the program and the provider: two files at a time keep
    // this 2-core machine kind busy without starving any of them.
    maxWorkers: 2,
  },
});

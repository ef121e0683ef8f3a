// Types of scripts/sdks.mjs, for test/sdk.
export const SDK_DIR: string;
export function buildGenerator(): Promise<string>;
export function generateSdks(outDir?: string): Promise<void>;
export function staleSdkFiles(): Promise<string[]>;

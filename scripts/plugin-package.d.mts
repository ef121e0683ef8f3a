// Types of scripts/plugin-package.mjs, for the e2e test that builds the plugin tarball.
export const ROOT: string;
export function dependencyClosure(root: string, names: readonly string[]): string[];
export function packagePlugin(options?: { root?: string; outDir?: string }): {
  file: string;
  version: string;
  bytes: number;
  packages: number;
};

// Types of scripts/python-sdks.mjs, for the tests that import it.
export const REQUIREMENTS: string;
export const VENVS_DIR: string;
export function ensurePythonSdks(): Promise<{ python: string; dir: string; installed: boolean }>;

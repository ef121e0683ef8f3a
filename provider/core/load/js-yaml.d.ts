/** The part of js-yaml 4 that the loader uses (the package ships no types). */
declare module "js-yaml" {
  export interface Mark {
    readonly line: number;
    readonly column: number;
  }
  export class YAMLException extends Error {
    readonly reason: string;
    readonly mark?: Mark;
  }
  export const CORE_SCHEMA: unknown;
  export function load(
    text: string,
    options?: { schema?: unknown; filename?: string; json?: boolean; maxDepth?: number },
  ): unknown;
}

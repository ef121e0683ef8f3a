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
    options?: {
      schema?: unknown;
      filename?: string;
      json?: boolean;
      maxDepth?: number;
      /** Called as each node opens and closes, with the loader's state (its `position` and `result`). */
      listener?: (
        event: "open" | "close",
        state: { readonly position: number; readonly result: unknown },
      ) => void;
    },
  ): unknown;
  /** Used by the tests, to write documents in js-yaml's own style. */
  export function dump(value: unknown, options?: { flowLevel?: number; indent?: number }): string;
}

/** Exit codes of every `peerlink` command, documented in the README. */
export const EXIT = {
  /** Done; for `validate`, no errors (warnings allowed). */
  ok: 0,
  /** The topology has errors. */
  invalid: 1,
  /** The file could not be read or parsed, or the command line is wrong. */
  unreadable: 2,
} as const;

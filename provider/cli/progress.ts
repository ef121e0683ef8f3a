/**
 * Progress lines on stderr for large documents: only when stderr is a terminal or `--progress` was given, and
 * never on stdout (so `--format json` output stays one JSON document).
 */
export interface ProgressSink {
  /** Starts a phase ("reading", "parsing", "checking"); the previous one is reported done with its time. */
  phase(name: string, detail?: string): void;
  /** Ends the last phase. */
  done(): void;
}

/** Documents from this size on get progress lines. */
export const PROGRESS_MIN_BYTES = 4_000_000;

export const NO_PROGRESS: ProgressSink = { phase() {}, done() {} };

export function progressOn(write: (text: string) => void, file: string): ProgressSink {
  let current: { name: string; start: number } | undefined;
  const finish = () => {
    if (!current) return;
    const ms = performance.now() - current.start;
    write(`peerlink: ${file}: ${current.name} done in ${(ms / 1000).toFixed(2)} s\n`);
    current = undefined;
  };
  return {
    phase(name, detail) {
      finish();
      write(`peerlink: ${file}: ${name}${detail ? ` ${detail}` : ""}...\n`);
      current = { name, start: performance.now() };
    },
    done: finish,
  };
}

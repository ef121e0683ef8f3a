/**
 * How the shared helpers wait. Injectable so that tests advance a manual clock instead of sleeping
 * (CONVENTIONS: "no sleeps for timing").
 */
export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) =>
  ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));

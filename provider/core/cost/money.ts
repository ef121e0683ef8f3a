/**
 * Money rounding. Costs are computed in full precision (Mbps are fractional) and rounded to fen (0.01 CNY) once,
 * when a result leaves the cost module, so intermediate sums never accumulate rounding.
 */

/**
 * Rounds an amount to 2 decimals, half away from zero. `toPrecision(15)` first removes the binary noise of the
 * multiplication (1.005 * 100 is 100.49999999999999 in floating point), so 1.005 rounds to 1.01 as on paper.
 */
export function roundMoney(amount: number): number {
  const cents = Math.round(Number((Math.abs(amount) * 100).toPrecision(15)));
  const rounded = cents / 100;
  return amount < 0 ? -rounded : rounded;
}

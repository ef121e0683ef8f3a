/**
 * The fix for a word that is none of the options it must be (an enum value: a cloud, a charge type, a service
 * level), told the same way for a document's field and a front end's argument: the option it most likely means,
 * else all of them.
 */
import { closestName } from "./closest-name.js";

export function optionFix(given: string, options: readonly string[]): string {
  const meant = closestName(given, options);
  const listed = options.map((v) => JSON.stringify(v)).join(", ");
  return meant !== undefined ? `Use "${meant}" (the options are ${listed}).` : `Use one of ${listed}.`;
}

/**
 * The known name a misspelt one most likely means, for "did you mean" in a fix: a key of the topology document, a
 * Pulumi input, an enum value. The edit distance is fastest-levenshtein's; what counts as close enough is ours.
 */
import { distance } from "fastest-levenshtein";

/** Case, `_` and `-` do not tell names apart here: `peer_vpc`, `PeerVpc` and `peerVpc` are one name. */
export function folded(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, "");
}

/**
 * Whether `a` is `b` with two neighbouring letters swapped (`alpah`), the commonest typo: one edit, where
 * Levenshtein distance (no transpositions) counts two.
 */
function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** At most one edit per three letters of the longer name, a swap of two neighbouring letters counting as one. */
function closeEdits(a: string, b: string): number | undefined {
  const edits = isSwap(a, b) ? 1 : distance(a, b);
  return edits > Math.max(1, Math.floor(Math.max(a.length, b.length) / 3)) ? undefined : edits;
}

/**
 * The leading words of a camelCase name, folded, shorter than the whole name and at least three letters:
 * `bandwidthMbps` gives `bandwidth`; `peerVpcId` gives `peer`, `peervpc`. Only camelCase boundaries: ids such as
 * `vpc-gz-prod` have none, so `vpc-x` is not taken for the start of every id.
 */
function leadingWords(name: string): string[] {
  const out: string[] = [];
  for (let i = 3; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const before = name.charCodeAt(i - 1);
    // An upper-case letter after a lower-case one.
    if (c >= 65 && c <= 90 && before >= 97 && before <= 122) out.push(folded(name.slice(0, i)));
  }
  return out;
}

/**
 * The one name of `known` that `given` most likely means, or undefined when none is close or two are equally
 * close (a guess between two would mislead). Close means, best first: the same name but for case, `_` and `-`;
 * one name starting with the other (`bandwidth` for `bandwidthMbps`, `cidr` for `cidrs`), at least three letters
 * long; at most one edit per three letters of the longer name (`peerVpcId` for `peerVpc`, `destinaton` for
 * `destination`), a swap of two neighbouring letters counting as one; or a misspelt leading camelCase word of the
 * name (`bandwith` for `bandwidthMbps`, the commonest typo of all), by the same measure.
 */
export function closestName(given: string, known: readonly string[]): string | undefined {
  const want = folded(given);
  if (want === "") return undefined;
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  let tied = false;
  for (const name of known) {
    if (name === given) continue;
    const have = folded(name);
    let score: number;
    if (have === want) score = 0;
    else if (Math.min(have.length, want.length) >= 3 && (have.startsWith(want) || want.startsWith(have)))
      score = 1;
    else {
      const edits = closeEdits(have, want);
      if (edits !== undefined) score = 1 + edits;
      else {
        // A leading word scores below any match of the whole name: `bandwith` is `bandwidth` misspelt, and only
        // then the start of `bandwidthMbps`.
        const words = leadingWords(name)
          .map((word) => closeEdits(word, want))
          .filter((e) => e !== undefined);
        if (words.length === 0) continue;
        score = 1_000 + Math.min(...words);
      }
    }
    if (score < bestScore) {
      best = name;
      bestScore = score;
      tied = false;
    } else if (score === bestScore) tied = true;
  }
  return tied ? undefined : best;
}

/**
 * closestName over a set of ids that may be large (a 100k-VPC document), for the fix of a reference that names no
 * declared id. A name the same but for case, `_` and `-` is found in constant time; the edit-distance search reads
 * every id, so it stops once `budget` comparisons are spent in one document (a document of 100k broken
 * references against 100k ids would otherwise take 10^10), and later references get no guess.
 */
export class NameSuggester {
  #names: readonly string[] | undefined;
  #folded: Map<string, string | null> | undefined;
  #budget: number;

  constructor(
    private readonly names: () => Iterable<string>,
    budget = 1_000_000,
  ) {
    this.#budget = budget;
  }

  /** The declared id `given` most likely means, or undefined. */
  meant(given: string): string | undefined {
    if (!this.#names) {
      this.#names = [...this.names()];
      this.#folded = new Map();
      // null marks a folded name two ids share: no guess between them.
      for (const name of this.#names) {
        const key = folded(name);
        this.#folded.set(key, this.#folded.has(key) ? null : name);
      }
    }
    const same = this.#folded!.get(folded(given));
    if (same !== undefined) return same === null || same === given ? undefined : same;
    if (this.#names.length > this.#budget) {
      this.#budget = 0;
      return undefined;
    }
    this.#budget -= this.#names.length;
    return closestName(given, this.#names);
  }
}

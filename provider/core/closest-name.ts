/**
 * The known name a misspelt one most likely means, for "did you mean" in a fix: a key of the topology document, a
 * Pulumi input, an enum value. The edit distance is fastest-levenshtein's; what counts as close enough is ours.
 */
import { distance } from "fastest-levenshtein";

/** Case, `_` and `-` do not tell names apart here: `peer_vpc`, `PeerVpc` and `peerVpc` are one name. */
function folded(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, "");
}

/**
 * The one name of `known` that `given` most likely means, or undefined when none is close or two are equally
 * close (a guess between two would mislead). Close means: the same name but for case, `_` and `-`; one name
 * starting with the other (`bandwidth` for `bandwidthMbps`, `cidr` for `cidrs`), at least three letters long; or
 * at most one edit per three letters of the longer name (`peerVpcId` for `peerVpc`, `destinaton` for
 * `destination`).
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
      const edits = distance(have, want);
      if (edits > Math.max(1, Math.floor(Math.max(have.length, want.length) / 3))) continue;
      score = 1 + edits;
    }
    if (score < bestScore) {
      best = name;
      bestScore = score;
      tied = false;
    } else if (score === bestScore) tied = true;
  }
  return tied ? undefined : best;
}

/**
 * The colours of a change in both renderers (GitHub's Primer palette: success, danger and attention foregrounds,
 * so a diagram pasted into a pull request matches its diff colours). Removed things are also drawn dashed, and
 * every marked label says its change in words, so nothing depends on colour alone.
 */
import type { ChangeKind } from "../change/resource-changes.js";

export const CHANGE_COLOURS: Readonly<Record<ChangeKind, string>> = {
  added: "#1a7f37",
  removed: "#cf222e",
  changed: "#9a6700",
};

import type { Diagnostic } from "../diagnostics.js";
import type { Topology } from "../topology.js";

/** A validation rule: pure, reads the resolved topology, returns every problem it finds. */
export type Rule = (topology: Topology) => Diagnostic[];

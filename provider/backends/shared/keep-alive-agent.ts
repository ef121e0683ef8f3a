/**
 * The one HTTP(S) agent a backend keeps for its endpoint: connections kept alive across calls (a new TLS handshake
 * per call costs more than the call on a near network), at most 64 at once, and explicit, so that an http_proxy
 * variable never reroutes a call (clients use a proxy agent only when they are given none).
 */
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";

export function keepAliveAgentFor(endpoint: string): HttpAgent | HttpsAgent {
  return endpoint.startsWith("http://")
    ? new HttpAgent({ keepAlive: true, maxSockets: 64 })
    : new HttpsAgent({ keepAlive: true, maxSockets: 64 });
}

/** The plugin's entry point: `pulumi-resource-peerlink <engine address>` (bin/pulumi-resource-peerlink). */
import { packageVersion } from "../package-root.js";
import { makeProvider } from "./provider.js";
import { serve } from "./server.js";

await serve(makeProvider(packageVersion()), process.argv.slice(2));

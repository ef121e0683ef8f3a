// Entry of the emulator bench's server thread: Node 20 does not run the parent's `--import tsx` in a worker thread,
// so this plain module loads the TypeScript worker (emulator-thread.ts) through tsx's API.
import { tsImport } from "tsx/esm/api";

await tsImport("./emulator-thread.ts", import.meta.url);

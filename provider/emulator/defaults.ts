/**
 * The emulator's defaults, apart from the server: the CLI names them in its help without loading the server and
 * the three protocols (a command line that only validates a file pays for none of it).
 */

/** LocalStack's port, so tools pointed at a LocalStack-style endpoint find the emulator where they expect it. */
export const DEFAULT_EMULATOR_PORT = 4566;

/** Where `peerlink emulator` keeps its state file, relative to the working directory. */
export const DEFAULT_EMULATOR_STATE_DIR = ".peerlink/emulator";

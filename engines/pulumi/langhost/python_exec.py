"""Runs one Pulumi Python program for peerlink's pulumi-language-python (engines/pulumi/langhost).

Upstream's host starts its own `pulumi-language-python-exec` script, which ships beside that host and not in the
`pulumi` wheel, and that host's Go module is refused by the module proxy here (see other_runtimes.go). This is the
same job written against the `pulumi` package's public runtime API: configure the runtime from the host's
arguments (the stack config is in PULUMI_CONFIG, which the SDK reads itself), then run the program's
`__main__.py` inside the root stack resource and wait for its resources to be registered.

Exit codes: 0 done; 32 the error has been reported to the engine already (the host then stops without adding
its own message).
"""

import argparse
import asyncio
import os
import runpy
import sys
import traceback

import pulumi
import pulumi.runtime
from pulumi.errors import RunError

REPORTED = 32


def main() -> int:
    parser = argparse.ArgumentParser()
    for name in ("monitor", "engine", "project", "stack", "pwd", "organization", "root_directory", "parallel"):
        parser.add_argument(f"--{name}")
    parser.add_argument("--dry_run", action="store_true")
    parser.add_argument("program")
    args = parser.parse_args()

    pulumi.runtime.configure(
        pulumi.runtime.Settings(
            project=args.project,
            stack=args.stack,
            monitor=args.monitor,
            engine=args.engine,
            parallel=int(args.parallel) if args.parallel else None,
            dry_run=args.dry_run,
            organization=args.organization,
            root_directory=args.root_directory,
        )
    )
    if args.pwd:
        os.chdir(args.pwd)
    program = os.path.abspath(args.program)
    # As `python <file>` would, the file's directory first on the import path (run_path puts a directory there
    # itself before it runs the directory's __main__.py).
    if not os.path.isdir(program):
        sys.path.insert(0, os.path.dirname(program))

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        loop.run_until_complete(
            pulumi.runtime.run_in_stack(lambda: runpy.run_path(program, run_name="__main__"))
        )
        return 0
    except RunError as error:
        pulumi.log.error(str(error))
        return REPORTED
    except Exception:  # noqa: BLE001 - any failure of the program is reported to the engine, with its traceback
        pulumi.log.error("Program failed with an unhandled exception:\n" + traceback.format_exc())
        return REPORTED
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        loop.close()


if __name__ == "__main__":
    sys.exit(main())

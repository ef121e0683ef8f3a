"""Shared by the *_lifecycle.py scripts: the emulator's address and the two accounts from the environment, and one
JSON line per observation on stdout, which the vitest side (sdk-lifecycles.test.ts) asserts on."""
import json
import os
import sys


def env(name):
    value = os.environ.get(name)
    if not value:
        sys.exit("missing environment variable %s" % name)
    return value


def account(side):
    """side "A" or "B": the account id, access key id and secret key given by the test."""
    return {
        "id": env("PEERLINK_ACCOUNT_%s_ID" % side),
        "ak": env("PEERLINK_ACCOUNT_%s_AK" % side),
        "sk": env("PEERLINK_ACCOUNT_%s_SK" % side),
    }


def endpoint():
    """host:port of the emulator on loopback."""
    return env("PEERLINK_EMULATOR_HOST")


def emit(step, **fields):
    fields["step"] = step
    sys.stdout.write(json.dumps(fields, sort_keys=True) + "\n")
    sys.stdout.flush()


def refused(step, call, code_of):
    """Runs a call that must fail and emits the error code the SDK raised (code_of reads it from the exception)."""
    try:
        call()
    except Exception as error:  # the SDKs' own exception types differ; code_of knows each one
        emit(step, code=code_of(error), error=type(error).__name__)
        return
    emit(step, code=None, error="the call succeeded")

// The Python and Go language hosts: the same gRPC host as pulumi-language-nodejs (main.go), built with
// hostRuntime set to "python" or "go".
//
// Why: the upstream hosts, github.com/pulumi/pulumi/sdk/python/cmd/pulumi-language-python/v3 and
// .../sdk/go/pulumi-language-go/v3, are Go modules of their own that the module proxy reachable here refuses
// (HTTP 403 for v3.248.0), as it refuses the Node.js one. These keep what running a program needs:
//
//   - python: `python3 -u <python_exec.py> --monitor ... <program directory>` with the stack config in
//     PULUMI_CONFIG / PULUMI_CONFIG_SECRET_KEYS (keys `<namespace>:<name>`, as both SDKs look them up). The
//     interpreter is the `virtualenv` runtime option's (`<virtualenv>/bin/python`, relative to the program
//     directory), else `python3` on PATH (an activated virtualenv), as upstream does. python_exec.py is this
//     host's own runner (upstream's ships beside its host).
//   - go: `go build` of the program directory into a temporary binary, run with the settings in the environment
//     variables the Go SDK's pulumi.Run reads (PULUMI_MONITOR, PULUMI_ENGINE, PULUMI_PROJECT, ...: sdk/v3
//     go/pulumi/run.go).
//
// Left out, and Unimplemented: installing dependencies (pip, go mod download: do it yourself), plugins and policy
// packs in these languages, the `binary` and `toolchain` options, and type-checkers.
package main

import (
	"context"
	_ "embed"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/logging"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

//go:embed python_exec.py
var pythonExec string

func aboutOther(ctx context.Context) (*pulumirpc.AboutResponse, error) {
	tool, args := "python3", []string{"--version"}
	if hostRuntime == "go" {
		tool, args = "go", []string{"version"}
	}
	path, err := exec.LookPath(tool)
	if err != nil {
		return nil, fmt.Errorf("could not find %s on the $PATH: %w", tool, err)
	}
	out, err := exec.CommandContext(ctx, path, args...).Output()
	if err != nil {
		return nil, fmt.Errorf("could not run %s %s: %w", path, strings.Join(args, " "), err)
	}
	return &pulumirpc.AboutResponse{
		Executable: path,
		Version:    strings.TrimSpace(string(out)),
		Metadata:   map[string]string{"host": "peerlink engines/pulumi/langhost (" + hostRuntime + ")"},
	}, nil
}

func (h *host) runOther(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	configEnv, err := stackConfigEnv(req, false)
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	scratch, err := os.MkdirTemp("", "pulumi-language-"+hostRuntime+"-")
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	defer os.RemoveAll(scratch)

	var cmd *exec.Cmd
	switch hostRuntime {
	case "python":
		cmd, err = h.pythonCommand(ctx, req, scratch)
	case "go":
		cmd, err = h.goCommand(ctx, req, scratch)
	default:
		err = fmt.Errorf("this host was built for an unknown runtime %q", hostRuntime)
	}
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	cmd.Dir = req.GetInfo().GetProgramDirectory()
	cmd.Env = append(append(os.Environ(), configEnv...), cmd.Env...)
	cmd.Stdout = struct{ io.Writer }{os.Stdout}
	cmd.Stderr = struct{ io.Writer }{os.Stderr}
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 5 * time.Second
	logging.V(5).Infof("launching %s %s", cmd.Path, strings.Join(cmd.Args[1:], " "))

	return runProgram(cmd), nil
}

// runFlags are the RunRequest's settings as a program runner's flags, for Node's run.js (sep "-") and our
// python_exec.py (sep "_"): the same settings, each runner spelling its two-word names its own way.
func (h *host) runFlags(req *pulumirpc.RunRequest, sep string) []string {
	info := req.GetInfo()
	var args []string
	flag := func(name, value string) {
		if value != "" {
			args = append(args, "--"+strings.ReplaceAll(name, " ", sep), value)
		}
	}
	flag("monitor", req.GetMonitorAddress())
	flag("engine", h.engineAddress)
	flag("organization", req.GetOrganization())
	flag("project", req.GetProject())
	flag("root directory", info.GetRootDirectory())
	flag("stack", req.GetStack())
	flag("pwd", info.GetProgramDirectory())
	if req.GetDryRun() {
		args = append(args, "--dry"+sep+"run")
	}
	flag("parallel", strconv.Itoa(int(req.GetParallel())))
	return args
}

// pythonCommand runs python_exec.py (written into scratch) on the program with the host's settings as flags.
func (h *host) pythonCommand(ctx context.Context, req *pulumirpc.RunRequest, scratch string) (*exec.Cmd, error) {
	info := req.GetInfo()
	python := "python3"
	if venv, ok := info.GetOptions().AsMap()["virtualenv"].(string); ok && venv != "" {
		if !filepath.IsAbs(venv) {
			venv = filepath.Join(info.GetProgramDirectory(), venv)
		}
		python = filepath.Join(venv, "bin", "python")
	}
	path, err := exec.LookPath(python)
	if err != nil {
		return nil, fmt.Errorf("could not find the Python interpreter %s: %w", python, err)
	}
	runner := filepath.Join(scratch, "python_exec.py")
	if err := os.WriteFile(runner, []byte(pythonExec), 0o600); err != nil {
		return nil, err
	}
	args := append([]string{"-u", runner}, h.runFlags(req, "_")...)
	args = append(args, filepath.Join(info.GetProgramDirectory(), entryPoint(info)))
	return exec.CommandContext(ctx, path, append(args, req.GetArgs()...)...), nil
}

// goCommand builds the program (`go build` in its directory) into scratch and runs the binary with the settings
// in the Go SDK's environment variables.
func (h *host) goCommand(ctx context.Context, req *pulumirpc.RunRequest, scratch string) (*exec.Cmd, error) {
	info := req.GetInfo()
	goTool, err := exec.LookPath("go")
	if err != nil {
		return nil, fmt.Errorf("could not find go on the $PATH: %w", err)
	}
	binary := filepath.Join(scratch, "program")
	build := exec.CommandContext(ctx, goTool, "build", "-o", binary, entryPoint(info))
	build.Dir = info.GetProgramDirectory()
	if out, err := build.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("go build of %s failed: %w\n%s", info.GetProgramDirectory(), err, out)
	}
	cmd := exec.CommandContext(ctx, binary, req.GetArgs()...)
	cmd.Env = []string{
		"PULUMI_MONITOR=" + req.GetMonitorAddress(),
		"PULUMI_ENGINE=" + h.engineAddress,
		"PULUMI_PROJECT=" + req.GetProject(),
		"PULUMI_STACK=" + req.GetStack(),
		"PULUMI_ORGANIZATION=" + req.GetOrganization(),
		"PULUMI_ROOT_DIRECTORY=" + info.GetRootDirectory(),
		"PULUMI_PARALLEL=" + strconv.Itoa(int(req.GetParallel())),
		"PULUMI_DRY_RUN=" + strconv.FormatBool(req.GetDryRun()),
	}
	return cmd, nil
}

// entryPoint is the program's entry point relative to its directory: "." (the directory itself) unless
// Pulumi.yaml's `main` names one.
func entryPoint(info *pulumirpc.ProgramInfo) string {
	if entry := info.GetEntryPoint(); entry != "" {
		return entry
	}
	return "."
}

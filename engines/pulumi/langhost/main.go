// pulumi-language-nodejs, as built by peerlink's scripts/engines.mjs, and from the same package the
// pulumi-language-python and pulumi-language-go hosts (hostRuntime, other_runtimes.go).
//
// Why this file exists: the Pulumi CLI builds from its published Go modules (pkg/v3, sdk/v3), but the Node.js
// language host lives in a module of its own, github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3,
// which carries no release tags and which the Go module proxy reachable here refuses (HTTP 403 "This module version
// is not available" for @latest, for v3.248.0 and for the v3.248.0 tag's commit). So this is a small host written
// against the plugin contract of the same sdk/v3 version, built from the proxy like the CLI. It keeps the part of
// the upstream host that a TypeScript program run through `nodeargs` needs:
//
//   - Run starts `node [nodeargs] <@pulumi/pulumi/cmd/run> --monitor ... <entry point>` in the program directory,
//     with the stack config in PULUMI_CONFIG / PULUMI_CONFIG_SECRET_KEYS, exactly the arguments and environment
//     the upstream host passes (the program itself, config, secrets, outputs and errors are all handled by
//     @pulumi/pulumi's own cmd/run).
//   - RunPlugin starts policy packs through @pulumi/pulumi/cmd/run-policy-pack behind sdk/v3's PolicyProxy (the
//     same shim the upstream host uses), and other plugins through @pulumi/pulumi/cmd/run-plugin.
//   - Dynamic providers need nothing from the host: the engine starts pulumi-resource-pulumi-nodejs, the script
//     that ships inside @pulumi/pulumi.
//
// Left out, and refused as Unimplemented: installing dependencies (run `npm ci` yourself), code generation,
// packing and linking SDKs, the Bun runtime, debugger attachment and the synchronous-invoke pipes (no peerlink
// program uses synchronous invokes). The engine treats Unimplemented for the optional calls as "not supported".
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/google/shlex"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/emptypb"

	sdk "github.com/pulumi/pulumi/sdk/v3"
	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/config"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/cmdutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/logging"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/version"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// exitReported is the exit code of a program that has already shown the user an actionable message, so the
// engine should stop without adding its own: @pulumi/pulumi's cmd/run, the Go SDK's
// constant.ExitStatusLoggedError and python_exec.py's REPORTED all use 32.
const exitReported = 32

// hostRuntime is the language this binary hosts: "nodejs", or "python" / "go" (other_runtimes.go), set at build
// time with -ldflags "-X main.hostRuntime=python" (scripts/engines.mjs builds the package once per language).
var hostRuntime = "nodejs"

type host struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
	engineAddress string
	tracing       string
}

func main() {
	tracing := flag.String("tracing", "", "Emit tracing to a Zipkin-compatible tracing endpoint")
	runtimeName := flag.String("runtime", "nodejs", "The JavaScript runtime; only nodejs is supported")
	showVersion := flag.Bool("version", false, "Print the plugin version and exit")
	flag.Parse()
	if *showVersion {
		fmt.Println(version.Version)
		return
	}
	if hostRuntime == "nodejs" && *runtimeName != "nodejs" {
		cmdutil.Exit(fmt.Errorf("unsupported runtime %q: this host runs nodejs only", *runtimeName))
	}
	logging.InitLogging(false, 0, false)

	var engineAddress string
	if args := flag.Args(); len(args) > 0 {
		engineAddress = args[0]
	}

	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt)
	cancelChannel := make(chan bool)
	go func() {
		<-ctx.Done()
		cancel()
		close(cancelChannel)
	}()
	if engineAddress != "" {
		// Exit when the engine goes away, as every plugin must.
		if err := rpcutil.Healthcheck(ctx, engineAddress, 5*time.Minute, cancel); err != nil {
			cmdutil.Exit(fmt.Errorf("could not start health check host RPC server: %w", err))
		}
	}

	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Cancel: cancelChannel,
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, &host{engineAddress: engineAddress, tracing: *tracing})
			return nil
		},
		Options: rpcutil.TracingServerInterceptorOptions(nil),
	})
	if err != nil {
		cmdutil.Exit(fmt.Errorf("could not start language host RPC server: %w", err))
	}
	// The engine reads the port from the first line of stdout.
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		cmdutil.Exit(fmt.Errorf("language host RPC stopped serving: %w", err))
	}
}

func (h *host) Handshake(
	ctx context.Context, req *pulumirpc.LanguageHandshakeRequest,
) (*pulumirpc.LanguageHandshakeResponse, error) {
	h.engineAddress = req.GetEngineAddress()
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

func (h *host) GetPluginInfo(ctx context.Context, _ *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version.Version}, nil
}

// GetRequiredPlugins and GetRequiredPackages report no resource plugins: a program built on peerlink uses only
// dynamic providers, whose plugin (pulumi-resource-pulumi-nodejs) the engine finds by itself. A program that needs
// a published provider package must have that plugin installed already (`pulumi plugin install`).
func (h *host) GetRequiredPlugins(
	ctx context.Context, _ *pulumirpc.GetRequiredPluginsRequest,
) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return &pulumirpc.GetRequiredPluginsResponse{}, nil
}

func (h *host) GetRequiredPackages(
	ctx context.Context, _ *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	return &pulumirpc.GetRequiredPackagesResponse{}, nil
}

func (h *host) GetProgramDependencies(
	ctx context.Context, _ *pulumirpc.GetProgramDependenciesRequest,
) (*pulumirpc.GetProgramDependenciesResponse, error) {
	return &pulumirpc.GetProgramDependenciesResponse{}, nil
}

func (h *host) About(ctx context.Context, _ *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	if hostRuntime != "nodejs" {
		return aboutOther(ctx)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, fmt.Errorf("could not find node on the $PATH: %w", err)
	}
	out, err := exec.CommandContext(ctx, node, "--version").Output()
	if err != nil {
		return nil, fmt.Errorf("could not run %s --version: %w", node, err)
	}
	return &pulumirpc.AboutResponse{
		Executable: node,
		Version:    strings.TrimPrefix(strings.TrimSpace(string(out)), "v"),
		Metadata:   map[string]string{"host": "peerlink engines/pulumi/langhost"},
	}, nil
}

func (h *host) Cancel(ctx context.Context, _ *emptypb.Empty) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}

// runtimeOptions are the `runtime.options` of Pulumi.yaml that this host honours.
type runtimeOptions struct {
	typescript   bool
	tsconfigPath string
	nodeargs     []string
}

func parseOptions(options map[string]any) (runtimeOptions, error) {
	opts := runtimeOptions{typescript: true}
	if v, ok := options["typescript"]; ok {
		b, isBool := v.(bool)
		if !isBool {
			return opts, fmt.Errorf("runtime option 'typescript' must be a boolean, got %v", v)
		}
		opts.typescript = b
	}
	if v, ok := options["tsconfig"]; ok {
		s, isString := v.(string)
		if !isString {
			return opts, fmt.Errorf("runtime option 'tsconfig' must be a string, got %v", v)
		}
		opts.tsconfigPath = s
	}
	if v, ok := options["nodeargs"]; ok {
		s, isString := v.(string)
		if !isString {
			return opts, fmt.Errorf("runtime option 'nodeargs' must be a string, got %v", v)
		}
		args, err := shlex.Split(s)
		if err != nil {
			return opts, fmt.Errorf("runtime option 'nodeargs' %q: %w", s, err)
		}
		opts.nodeargs = args
	}
	if v, ok := options["packagemanager"]; ok && v != "npm" {
		logging.V(5).Infof("runtime option packagemanager=%v is ignored: this host installs nothing", v)
	}
	return opts, nil
}

func (o runtimeOptions) env() []string {
	var env []string
	if o.typescript {
		env = append(env, "PULUMI_NODEJS_TYPESCRIPT=true")
	}
	if o.tsconfigPath != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+o.tsconfigPath)
	}
	return env
}

// resolveModule finds a module of @pulumi/pulumi the way the program itself would: Node's resolver, started in the
// program directory, so the program's own copy of @pulumi/pulumi runs it.
func resolveModule(ctx context.Context, node, dir, module string) (string, error) {
	script := fmt.Sprintf("console.log(require.resolve(%q))", module)
	cmd := exec.CommandContext(ctx, node, "-e", script)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("could not find %s from %s: is @pulumi/pulumi installed there (npm ci)? %w",
			module, dir, err)
	}
	return strings.TrimSpace(string(out)), nil
}

func (h *host) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	if hostRuntime != "nodejs" {
		return h.runOther(ctx, req)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		return &pulumirpc.RunResponse{Error: "could not find node on the $PATH: " + err.Error()}, nil
	}
	info := req.GetInfo()
	opts, err := parseOptions(info.GetOptions().AsMap())
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	runPath := os.Getenv("PULUMI_LANGUAGE_NODEJS_RUN_PATH")
	if runPath == "" {
		runPath = "@pulumi/pulumi/cmd/run"
	}
	if !filepath.IsAbs(runPath) {
		if runPath, err = resolveModule(ctx, node, info.GetProgramDirectory(), runPath); err != nil {
			return &pulumirpc.RunResponse{Error: err.Error()}, nil
		}
	}

	configEnv, err := stackConfigEnv(req, true)
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}

	args := append([]string{}, opts.nodeargs...)
	args = append(args, runPath)
	args = append(args, h.runFlags(req, "-")...)
	if h.tracing != "" {
		args = append(args, "--tracing", h.tracing)
	}
	args = append(args, info.GetEntryPoint())
	args = append(args, req.GetArgs()...)

	env := append(append(os.Environ(), configEnv...), opts.env()...)

	cmd := exec.CommandContext(ctx, node, args...)
	cmd.Dir = info.GetProgramDirectory()
	cmd.Env = env
	// Node may switch its stdio to non-blocking mode: give it pipes copied to ours rather than our descriptors.
	cmd.Stdout = struct{ io.Writer }{os.Stdout}
	cmd.Stderr = struct{ io.Writer }{os.Stderr}
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 5 * time.Second
	logging.V(5).Infof("launching %s %s", node, strings.Join(args, " "))

	return runProgram(cmd), nil
}

// runProgram runs a program's process to its end and tells the engine how it ended: a program that exits with
// exitReported has shown its error already (Bail: the engine adds no message of its own).
func runProgram(cmd *exec.Cmd) *pulumirpc.RunResponse {
	if err := cmd.Run(); err != nil {
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			if exitErr.ExitCode() == exitReported {
				return &pulumirpc.RunResponse{Bail: true}
			}
			return &pulumirpc.RunResponse{
				Error: fmt.Sprintf("Program exited with non-zero exit code: %d", exitErr.ExitCode()),
			}
		}
		return &pulumirpc.RunResponse{
			Error: fmt.Sprintf("Problem executing program (could not run language executor): %v", err),
		}
	}
	return &pulumirpc.RunResponse{}
}

// stackConfigEnv is the stack config in PULUMI_CONFIG and PULUMI_CONFIG_SECRET_KEYS: keys as the engine gives
// them (`<namespace>:<name>`, which the Python and Go SDKs look up), or in the legacy form for @pulumi/pulumi.
func stackConfigEnv(req *pulumirpc.RunRequest, legacy bool) ([]string, error) {
	var configJSON string
	var err error
	if legacy {
		configJSON, err = legacyConfig(req.GetConfig())
	} else {
		var b []byte
		b, err = json.Marshal(req.GetConfig())
		configJSON = string(b)
	}
	if err != nil {
		return nil, fmt.Errorf("failed to serialize configuration: %w", err)
	}
	secretKeys := req.GetConfigSecretKeys()
	if secretKeys == nil {
		secretKeys = []string{}
	}
	secretKeysJSON, err := json.Marshal(secretKeys)
	if err != nil {
		return nil, fmt.Errorf("failed to serialize configuration secret keys: %w", err)
	}
	return []string{"PULUMI_CONFIG=" + configJSON, "PULUMI_CONFIG_SECRET_KEYS=" + string(secretKeysJSON)}, nil
}

// legacyConfig renders the stack config as @pulumi/pulumi reads PULUMI_CONFIG: keys as `<namespace>:config:<name>`,
// the form every SDK version understands.
func legacyConfig(cfg map[string]string) (string, error) {
	out := make(map[string]string, len(cfg))
	for k, v := range cfg {
		key, err := config.ParseKey(k)
		if err != nil {
			return "", err
		}
		out[key.Namespace()+":config:"+key.Name()] = v
	}
	b, err := json.Marshal(out)
	return string(b), err
}

func (h *host) RunPlugin(req *pulumirpc.RunPluginRequest, server pulumirpc.LanguageRuntime_RunPluginServer) error {
	if hostRuntime != "nodejs" {
		return status.Errorf(codes.Unimplemented, "the %s host runs programs only, not plugins or policy packs", hostRuntime)
	}
	ctx := server.Context()
	closer, stdout, stderr, err := rpcutil.MakeRunPluginStreams(server, false)
	if err != nil {
		return err
	}
	defer closer.Close()

	node, err := exec.LookPath("node")
	if err != nil {
		return fmt.Errorf("could not find node on the $PATH: %w", err)
	}
	info := req.GetInfo()
	opts, err := parseOptions(info.GetOptions().AsMap())
	if err != nil {
		return err
	}
	isPolicyPack := req.GetKind() == string(apitype.AnalyzerPlugin)
	module := "@pulumi/pulumi/cmd/run-plugin"
	if isPolicyPack {
		module = "@pulumi/pulumi/cmd/run-policy-pack"
	}
	runPath, err := resolveModule(ctx, node, info.GetProgramDirectory(), module)
	if err != nil {
		return err
	}

	env := append(append([]string{}, req.GetEnv()...), opts.env()...)
	args := append([]string{runPath}, opts.nodeargs...)
	if isPolicyPack {
		// A policy pack takes the engine address first and its directory last.
		args = append(append(args, req.GetArgs()...), info.GetProgramDirectory())
	} else {
		args = append(append(args, info.GetProgramDirectory()), req.GetArgs()...)
	}

	// A policy pack needs the stack's configuration in its environment before it starts; sdk/v3's PolicyProxy
	// answers the engine's ConfigureStack call, then forwards everything to the pack once it is up.
	var proxy *sdk.PolicyProxy
	if isPolicyPack {
		if proxy, stdout, err = sdk.NewPolicyProxy(ctx, stdout); err != nil {
			return fmt.Errorf("could not start policy pack proxy: %w", err)
		}
		stack, err := proxy.AwaitConfiguration(ctx)
		if err != nil {
			return fmt.Errorf("could not get stack configuration: %w", err)
		}
		if stack != nil {
			add := func(k, v string) {
				if v != "" {
					env = append(env, k+"="+v)
				}
			}
			add("PULUMI_NODEJS_ORGANIZATION", stack.Organization)
			add("PULUMI_NODEJS_PROJECT", stack.Project)
			add("PULUMI_NODEJS_STACK", stack.Stack)
			add("PULUMI_NODEJS_DRY_RUN", strconv.FormatBool(stack.DryRun))
			if stack.Config != nil {
				cfg, err := json.Marshal(stack.Config)
				if err != nil {
					return fmt.Errorf("could not marshal stack configuration: %w", err)
				}
				add("PULUMI_CONFIG", string(cfg))
			}
		}
	}

	cmd := exec.CommandContext(ctx, node, args...)
	if isPolicyPack {
		cmd.Dir = info.GetProgramDirectory()
	} else {
		cmd.Dir = req.GetPwd()
	}
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = stdout, stderr
	logging.V(5).Infof("launching plugin %s %s", node, strings.Join(args, " "))

	if err := cmd.Start(); err != nil {
		return fmt.Errorf("Problem executing plugin program (could not run language executor): %w", err)
	}
	if proxy != nil {
		if err := proxy.Attach(ctx, cmd); err != nil {
			return fmt.Errorf("could not attach policy pack proxy: %w", err)
		}
		return closer.Close()
	}
	if err := cmd.Wait(); err != nil {
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			return fmt.Errorf("Program exited with non-zero exit code: %d", exitErr.ExitCode())
		}
		return err
	}
	return closer.Close()
}

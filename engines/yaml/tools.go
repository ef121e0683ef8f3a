//go:build tools

// Package tools pins the Pulumi YAML language host so `go build github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml`
// builds the exact version recorded in go.mod/go.sum (scripts/engines.mjs, built only on request: `node
// scripts/engines.mjs yaml`). pulumi-yaml v1.25.0 pins its own github.com/pulumi/pulumi/pkg/v3 (resolved by `go mod
// tidy` below); the language host speaks the engine's gRPC protocol, so it does not have to match the CLI's version.
package tools

import _ "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml"

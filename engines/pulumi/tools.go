//go:build tools

// Package tools pins the Pulumi CLI module so `go build github.com/pulumi/pulumi/pkg/v3/cmd/pulumi` builds the
// exact version recorded in go.mod/go.sum (scripts/engines.mjs).
package tools

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"

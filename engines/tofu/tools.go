//go:build tools

// Package tools pins the OpenTofu module so `go build github.com/opentofu/opentofu/cmd/tofu` builds the exact
// version recorded in go.mod/go.sum (scripts/engines.mjs).
package tools

import _ "github.com/opentofu/opentofu/cmd/tofu"

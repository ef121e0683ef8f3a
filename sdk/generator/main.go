// Command generator writes the peerlink Python and Go SDKs from schema.json with the Pulumi CLI's own code
// generators (github.com/pulumi/pulumi/pkg/v3 codegen/python and codegen/go, the version of the CLI in
// engines/pulumi). `pulumi package gen-sdk` would run the same generators inside the Python and Go language hosts,
// but those plugins are separate modules the Go module proxy refuses here (403), so this calls the generators
// directly. Run by `node scripts/sdks.mjs`:
//
//	generator <schema.json> <out dir>   writes <out>/python and <out>/go (each emptied first)
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/blang/semver"
	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	pygen "github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// The name codegen writes into the files' "do not edit" headers.
const tool = "peerlink-sdk-generator"

func main() {
	if len(os.Args) != 3 {
		fail(fmt.Errorf("usage: generator <schema.json> <out dir>"))
	}
	schemaPath, outDir := os.Args[1], os.Args[2]
	raw, err := os.ReadFile(schemaPath)
	if err != nil {
		fail(err)
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(raw, &spec); err != nil {
		fail(fmt.Errorf("%s: %w", schemaPath, err))
	}

	python, err := generate(spec, func(pkg *schema.Package) (map[string][]byte, error) {
		return pygen.GeneratePackage(tool, pkg, map[string][]byte{}, noPackages{})
	})
	if err != nil {
		fail(fmt.Errorf("python: %w", err))
	}
	golang, err := generate(spec, func(pkg *schema.Package) (map[string][]byte, error) {
		return gogen.GeneratePackage(tool, pkg, nil)
	})
	if err != nil {
		fail(fmt.Errorf("go: %w", err))
	}
	if err := write(filepath.Join(outDir, "python"), python); err != nil {
		fail(err)
	}
	if err := write(filepath.Join(outDir, "go"), golang); err != nil {
		fail(err)
	}
}

// generate binds a fresh package per language: each generator imports its own language section into the package.
func generate(spec schema.PackageSpec, gen func(*schema.Package) (map[string][]byte, error)) (map[string][]byte, error) {
	pkg, diags, err := schema.BindSpec(spec, noPackages{}, schema.ValidationOptions{})
	if err != nil {
		return nil, err
	}
	if diags.HasErrors() {
		return nil, diags
	}
	return gen(pkg)
}

// write replaces the generated files under dir; files the generator does not own (go.mod, go.sum) are kept.
func write(dir string, files map[string][]byte) error {
	keep := map[string]bool{"go.mod": true, "go.sum": true}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !keep[e.Name()] {
			if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
				return err
			}
		}
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// noPackages is the loader of a schema that refers to no other package (only pulumi.json#/Any and its own
// types): asked for one, it says so instead of looking for provider plugins.
type noPackages struct{}

func (noPackages) LoadPackage(name string, _ *semver.Version) (*schema.Package, error) {
	return nil, fmt.Errorf("schema.json refers to package %q; the peerlink schema must refer to no other package", name)
}

func (l noPackages) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return l.LoadPackage(d.Name, d.Version)
}

func (l noPackages) LoadPackageReference(name string, v *semver.Version) (schema.PackageReference, error) {
	_, err := l.LoadPackage(name, v)
	return nil, err
}

func (l noPackages) LoadPackageReferenceV2(
	_ context.Context, d *schema.PackageDescriptor,
) (schema.PackageReference, error) {
	return l.LoadPackageReference(d.Name, d.Version)
}

func fail(err error) {
	fmt.Fprintf(os.Stderr, "sdk generator: %v\n", err)
	os.Exit(1)
}

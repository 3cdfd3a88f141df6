#!/usr/bin/env bash
# Scaffolds packages/<name> with the repo's conventions. Usage: scripts/new-package.sh NAME "DESCRIPTION"
set -euo pipefail
name=$1; desc=$2
dir="packages/$name"
mkdir -p "$dir/src" "$dir/test"
cat > "$dir/package.json" <<JSON
{
  "name": "@charter/$name",
  "version": "0.1.0",
  "description": "$desc",
  "license": "Apache-2.0",
  "type": "module",
  "main": "./dist/index.js",
  "types": "./dist/index.d.ts",
  "exports": {
    ".": { "types": "./dist/index.d.ts", "import": "./dist/index.js" },
    "./package.json": "./package.json"
  },
  "files": ["dist"],
  "scripts": {
    "build": "rm -rf dist && tsc -p tsconfig.json",
    "typecheck": "tsc -p tsconfig.check.json",
    "test": "vitest run --passWithNoTests"
  }
}
JSON
cat > "$dir/tsconfig.json" <<JSON
{
  "extends": "../../tsconfig.base.json",
  "compilerOptions": { "outDir": "dist", "rootDir": "src" },
  "include": ["src"]
}
JSON
cat > "$dir/tsconfig.check.json" <<JSON
{
  "extends": "./tsconfig.json",
  "compilerOptions": { "noEmit": true, "rootDir": "." },
  "include": ["src", "test"]
}
JSON
cat > "$dir/vitest.config.ts" <<TS
import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.ts';

export default defineConfig(sharedTestConfig(import.meta.dirname));
TS
[ -f "$dir/src/index.ts" ] || echo "export {};" > "$dir/src/index.ts"

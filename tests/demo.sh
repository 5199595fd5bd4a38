#!/bin/sh
# demo.sh BINDIR FILE: runs the lede pipeline (the filters that are built,
# in pipeline order) on FILE and shows what each stage makes of it.
set -eu
bin=$1
file=$2
set --
for f in lede-strip lede-split lede-tag lede-quote; do
	[ -x "$bin/$f" ] && set -- "$@" "$f"
done
cmd=
for f in "$@"; do
	cmd="${cmd:+$cmd | }$bin/$f"
done
echo "\$ $cmd < $file"
eval "$cmd" <"$file"

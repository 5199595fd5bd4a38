#!/bin/sh
# wordnet.sh DICTDIR OUT: the second gazetteer of lede-tag
# (common/data/wordnet.txt) from the WordNet 3.0 database in DICTDIR
# (data.noun, data.adj: Debian's wordnet-base puts them in
# /usr/share/wordnet), by tools/wordnet.awk: each name once, with its
# classes in a fixed order.  make wordnet and tests/cli/t-wordnet.sh run
# the very same command.
set -eu
LC_ALL=C
export LC_ALL
dir=$1
out=$2
top=$(cd "$(dirname "$0")/.." && pwd)
for f in data.noun data.adj; do
	if [ ! -r "$dir/$f" ]; then
		echo "wordnet.sh: no WordNet 3.0 $f in $dir" \
		    "(apt-get install wordnet-base, then WORDNET=DIR)" >&2
		exit 1
	fi
done
{
	cat <<'HEAD'
# Second gazetteer of lede-tag: the capitalized lemmas of WordNet 3.0 with
# the classes of their synsets (tools/wordnet.awk says which), derived by
# tools/wordnet.sh (make wordnet) from data.noun and data.adj of the
# WordNet 3.0 database (Debian package wordnet-base); tests/cli/t-wordnet.sh
# checks that make wordnet gives this file byte for byte where the
# database is installed.  Do not edit.  Classes: per loc org fac misc nat
# group lang thing, several joined by commas.  Matching ignores case.
#
# WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.
#
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY
# MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED.  BY WAY OF
# EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY MAKES NO
# REPRESENTATIONS OR WARRANTIES OF MERCHANTABILITY OR FITNESS FOR ANY
# PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR
# DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS,
# TRADEMARKS OR OTHER RIGHTS.
#
# The name of Princeton University or Princeton may not be used in
# advertising or publicity pertaining to distribution of the software
# and/or database.  Title to copyright in this software, database and any
# associated documentation shall at all times remain with Princeton
# University and LICENSEE agrees to preserve same.
HEAD
	awk -f "$top/tools/wordnet.awk" "$dir/data.noun" "$dir/data.adj" |
	sort -u |
	awk -F '\t' '
	function flush() {
		if (name == "")
			return
		s = ""
		for (k = 1; k <= 9; k++)
			if ((name, order[k]) in has)
				s = s (s == "" ? "" : ",") order[k]
		print name "\t" s
	}
	BEGIN { split("per loc org fac misc nat group lang thing", order, " ") }
	$1 != name { flush(); name = $1 }
	{ has[$1, $2] = 1 }
	END { flush() }'
} >"$out"

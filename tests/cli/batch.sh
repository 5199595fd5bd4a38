# batch.sh: the stream-equivalence checks the batch tests share (sourced
# after lib.sh).  A batch must give each document what the command gives
# it alone on standard input: the same text under its header line, or the
# same records under its name, in the same order.  Blank lines at either end of a document's text do not count (a
# batch separates documents with them).

# records CMD...: does CMD write records (TSV or JSON Lines)?
records() {
	case " $* " in
	*" lede-quote "*|*" -f tsv "*|*" -f json "*) return 0 ;;
	esac
	return 1
}

# trim: the input without blank lines at its start and end.
trim() {
	awk 'NF { for (; blank > 0; blank--) print ""; print; seen = 1; next }
	    seen { blank++ }'
}

# unname: a record without its document (the first TSV field or "doc").
unname() {
	sed -e 's/^{"doc":"\([^"\\]\|\\.\)*",/{/' -e '/^{/!s/^[^	]*	//'
}


# cutdocs DIR: cuts the output of a batch into DIR/NAME per document.
cutdocs() {
	awk -v dir="$1" -v rec="$2" '
	rec && /^\{"doc":"/ {
		name = substr($0, 9); sub(/".*/, "", name)
		sub(/^.*\//, "", name); print > (dir "/" name); next
	}
	rec {
		name = $0; sub(/\t.*/, "", name); sub(/^.*\//, "", name)
		print > (dir "/" name); next
	}
	/^==> .* <==$/ {
		name = substr($0, 5, length($0) - 8); sub(/^.*\//, "", name)
		if (last != "") close(dir "/" last)
		last = name; printf "" > (dir "/" name); next
	}
	last != "" { print > (dir "/" last) }'
}

# alone DOCS CMD...: runs CMD on each document of the folder DOCS alone,
# into the folder $adir (once for each command and folder).
alone() {
	adir=$TMP/alone/$(printf '%s' "$*" | tr -c 'a-zA-Z0-9' _)_${1##*/}
	[ -d "$adir" ] && return
	mkdir -p "$adir"
	d=$1
	shift
	for f in "$d"/*; do
		"$@" <"$f" 2>/dev/null >"$adir/${f##*/}"
	done
}

# same_docs WHAT DOCS FILE CMD...: the batch output FILE gives each document
# of the folder DOCS what CMD gives it alone.
same_docs() {
	what=$1 docs=$2 file=$3
	shift 3
	rec=0
	records "$@" && rec=1
	rm -rf "$TMP/eq"
	mkdir -p "$TMP/eq/batch"
	alone "$docs" "$@"
	cutdocs "$TMP/eq/batch" "$rec" <"$file"
	bad=0
	for f in "$docs"/*; do
		dn=${f##*/}
		[ -e "$TMP/eq/batch/$dn" ] || : >"$TMP/eq/batch/$dn"
		if [ "$rec" = 1 ]; then
			unname <"$adir/$dn" >"$TMP/eq/a"
			unname <"$TMP/eq/batch/$dn" >"$TMP/eq/b"
		else
			trim <"$adir/$dn" >"$TMP/eq/a"
			trim <"$TMP/eq/batch/$dn" >"$TMP/eq/b"
		fi
		if ! cmp -s "$TMP/eq/a" "$TMP/eq/b"; then
			bad=$((bad + 1))
			[ "$bad" -le 2 ] && diff "$TMP/eq/a" "$TMP/eq/b" |
			    head -4 | sed "s,^,# $dn: ,"
		fi
	done
	check "$what: $(ls "$docs" | wc -l | tr -d ' ') documents, $bad differ" \
	    [ "$bad" -eq 0 ]
}

# equiv WHAT DOCS MODE CMD...: same_docs for CMD run on the documents as
# one stream (MODE "stream") or as FILE operands (MODE "operands").
equiv() {
	what=$1 docs=$2 mode=$3
	shift 3
	if [ "$mode" = stream ]; then
		(cd "$docs" && tail -n +1 -- *) | "$@" 2>/dev/null
	else
		(cd "$docs" && "$@" -- * </dev/null 2>/dev/null)
	fi >"$TMP/batch.out"
	same_docs "$what: $mode" "$docs" "$TMP/batch.out" "$@"
}

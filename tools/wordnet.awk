# wordnet.awk: the capitalized words of WordNet 3.0 for lede-tag's second
# gazetteer (common/data/wordnet.txt); tools/wordnet.sh runs it on
# data.noun and data.adj and sorts what it prints, one line a name and
# a class: the class of each WordNet synset the name is a lemma of, from
# the synset's lexicographer file and whether it is an instance (a
# pointer "@i"):
#	per	instances of noun.person (Abraham Lincoln, Napoleon)
#	loc	instances of noun.location and noun.object (Liege, Danube)
#	org	instances of noun.group (Interpol, Labour Party)
#	fac	instances of noun.artifact (Eiffel Tower, Titanic)
#	misc	the other instances (World War II, Boxer Rebellion, Ramadan)
#	nat	nouns of noun.person that are not instances (Pole,
#		Afrikaner, Texan) and their plurals, and adjectives (Libyan,
#		Philippine, Bahraini)
#	group	nouns of noun.group that are not instances (Hutu, Interpol)
#	lang	nouns of noun.communication that are not instances (Hebrew)
#	thing	other nouns of noun.artifact (Uzi, Kalashnikov)
# Names of more than four words, of other bytes than ASCII letters,
# digits, spaces, periods, hyphens, apostrophes and ampersands, or of
# 64 bytes or more are left out; so are animals and plants (their genera
# are capitalized).

function hex(s,   i, v) {
	v = 0
	for (i = 1; i <= length(s); i++)
		v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
	return v
}

function plural(w) {
	if (w ~ /man$/)
		return substr(w, 1, length(w) - 3) "men"
	if (w ~ /(s|x|z|sh|ch|ese|i)$/)
		return ""
	if (w ~ /[^aeiou]y$/)
		return ""
	return w "s"
}

function put(w, cls,   n, a) {
	gsub(/_/, " ", w)
	if (w !~ /^[A-Z]/ || w ~ /[^A-Za-z0-9 .&'-]/ || length(w) >= 64)
		return
	n = split(w, a, " ")
	if (n > 4)
		return
	print w "\t" cls
}

# A synset: its lemmas (without the adjective markers), its file, and
# whether it is an instance.
length($1) == 8 && $1 ~ /^[0-9]+$/ {
	lexfile = $2 + 0
	n = hex($4)
	p = 5 + 2 * n
	inst = 0
	for (j = 0; j < $p + 0; j++)
		if ($(p + 1 + 4 * j) == "@i")
			inst = 1
	for (i = 0; i < n; i++) {
		w = $(5 + 2 * i)
		sub(/\([a-z]+\)$/, "", w)
		if (w !~ /^[A-Z]/)
			continue
		if ($3 == "a" || $3 == "s") {
			put(w, "nat")
			continue
		}
		if ($3 != "n")
			continue
		if (inst) {
			if (lexfile == 18)
				put(w, "per")
			else if (lexfile == 15 || lexfile == 17)
				put(w, "loc")
			else if (lexfile == 14)
				put(w, "org")
			else if (lexfile == 6)
				put(w, "fac")
			else
				put(w, "misc")
		} else if (lexfile == 18) {
			put(w, "nat")
			if (w !~ /_/ && (q = plural(w)) != "")
				put(q, "nat")
		} else if (lexfile == 14)
			put(w, "group")
		else if (lexfile == 10)
			put(w, "lang")
		else if (lexfile == 6)
			put(w, "thing")
	}
}

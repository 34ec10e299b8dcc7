# tenor -- a scripting language for macro and market analysts.
#
#   make              build ./tenor (installs missing Debian packages when root)
#   make demo         build, then run examples/quickstart.lua on bundled data
#   make test         every test: C units, Lua tests, REPL transcripts
#   make check-asan   the same tests on a build with -fsanitize=address,undefined
#   make check-browser  install Chromium, then render report.html headless and check it
#   make bench        time the benchmark workloads (figures printed, never asserted),
#                     side by side with the peers that are installed
#   make bench-peers  install the peers (pandas+statsmodels, R packages, gretl), then make bench
#   make fuzz         libFuzzer harnesses, FUZZ_SECONDS each (default 60; needs clang)
#   make docs         regenerate docs/reference.md from the help entries
#   make calendar-data  recompile stdlib/calendar/*.csv into stdlib/tenor/calendar_data.lua
#   make install PREFIX=/usr/local
#   make clean

PREFIX    ?= /usr/local
CC        ?= cc
PKGS      := lua5.4 gsl readline sqlite3 jansson nettle libzip expat xlsxwriter
# libzip (the .xlsx container), expat (its XML) and libxlsxwriter: Excel in and out
DEB_PKGS  := liblua5.4-dev libgsl-dev libreadline-dev libsqlite3-dev libjansson-dev nettle-dev pkg-config \
             libzip-dev libexpat1-dev libxlsxwriter-dev
# charts (gnuplot, a CJK font), the terminal tests of the REPL (tmux) and
# the C unit tests under valgrind
RUN_PKGS  := gnuplot-nox fonts-wqy-microhei tmux valgrind
# the tools analysts would otherwise use, for `make bench-peers`; lua5.4 for
# the bare interpreter's start-up, the floor tenor's W0 is judged against
PEER_PKGS := python3-pandas python3-statsmodels python3-scipy python3-openpyxl r-base-core r-cran-data.table \
             r-cran-xts r-cran-zoo r-cran-sandwich r-cran-lmtest r-cran-ttr r-cran-mfilter \
             r-cran-matrix gretl hyperfine time lua5.4

WARN      := -Wall -Wextra -Wshadow -Wmissing-prototypes -Wstrict-prototypes \
             -Wpointer-arith -Wformat=2 -pedantic -std=c11
# -O3: the numeric loops vectorise (W4 326 -> 279 ms, W3b 260 -> 215 ms);
# rolling.c's short k-sized loops run slower vectorised (W5 98 -> 116 ms),
# so it keeps -O2 (below). Floating-point results are the same: GCC does not
# reassociate without the fast-math flag (never used: NaN marks missing values).
OPT       ?= -O3 -g
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# libzip and libxlsxwriter are compiled against but not linked: they bring
# OpenSSL's libcrypto, whose relocations cost every start-up 1.5 ms; the
# Excel functions load them on first use (interp/lib/xlsxlibs.c)
PKG_LIBS   = $(shell pkg-config --libs $(filter-out libzip xlsxwriter,$(PKGS)) 2>/dev/null)
# what the pure-C core links (the C unit tests link only the core)
CORE_LIBS  = $(shell pkg-config --libs gsl nettle 2>/dev/null)
CFLAGS    += $(WARN) $(OPT) -D_GNU_SOURCE -pthread -MMD -MP $(PKG_CFLAGS)
LDLIBS    += $(PKG_LIBS) -lm -lpthread

# plain `make` builds the interpreter (the first rule below is a build tool's)
.DEFAULT_GOAL := all

# Four layers, each a folder; a file includes only from its own layer or
# below: core (pure C, no Lua) <- series (the series type) <- lib (one Lua
# module per file) <- host (the Lua state, REPL, command line).
CORE_SRC   := $(sort $(wildcard interp/core/*.c))
SERIES_SRC := $(sort $(wildcard interp/series/*.c))
LIB_SRC    := $(sort $(wildcard interp/lib/*.c))
HOST_SRC   := $(filter-out interp/host/main.c,$(sort $(wildcard interp/host/*.c)))
LUA_SRC    := $(SERIES_SRC) $(LIB_SRC) $(HOST_SRC)
MAIN_SRC   := interp/host/main.c
CTESTS    := $(patsubst %.c,%,$(sort $(wildcard tests/c/test_*.c)))

BUILD     := build
ASAN      := build/asan
TSAN      := build/tsan
SAN_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

objs = $(patsubst interp/%.c,$(1)/%.o,$(2))

# The Lua stdlib, compiled to bytecode at build time and linked in (start-up
# parses nothing); data only, so the one object serves every build.
STDLIB_LUA := $(sort $(wildcard stdlib/tenor/*.lua stdlib/tenor/*/*.lua))
STDLIB_OBJ := $(BUILD)/stdlib_bytecode.o

$(BUILD)/stdlib_embed: interp/tools/stdlib_embed.c | $(BUILD)
	$(CC) $(CFLAGS) -o $@ $< $(LDLIBS)

$(BUILD)/stdlib_bytecode.c: $(BUILD)/stdlib_embed $(STDLIB_LUA)
	$(BUILD)/stdlib_embed $@ $(STDLIB_LUA)

$(STDLIB_OBJ): $(BUILD)/stdlib_bytecode.c interp/host/stdlib_bytecode.h
	$(CC) $(CFLAGS) -Iinterp -c -o $@ $<

.PHONY: calendar-data all deps demo test check-asan check-tsan check-browser bench bench-peers docs install clean fuzz deps-fuzz

all: deps tenor

# A fresh Debian machine lacks the -dev packages: install them when root,
# otherwise say exactly what to run.
deps:
	@if { ! command -v tmux >/dev/null || ! command -v gnuplot >/dev/null || ! command -v valgrind >/dev/null || [ ! -d /usr/share/fonts/truetype/wqy ]; } \
	    && [ "$$(id -u)" = 0 ]; then \
	  echo "installing $(RUN_PKGS)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(RUN_PKGS) >/dev/null; \
	fi
	@if ! pkg-config --exists $(PKGS) 2>/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing $(DEB_PKGS)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(DEB_PKGS) >/dev/null; \
	  else \
	    echo "missing libraries; run: sudo apt-get install -y $(DEB_PKGS)"; exit 1; \
	  fi; \
	fi

tenor: $(call objs,$(BUILD),$(CORE_SRC) $(LUA_SRC) $(MAIN_SRC)) $(STDLIB_OBJ)
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/%.o: interp/%.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Iinterp -c -o $@ $<

$(BUILD)/lib/rolling.o: CFLAGS += -O2

$(BUILD) $(ASAN) $(TSAN):
	mkdir -p $@

tests/c/%: tests/c/%.c $(call objs,$(BUILD),$(CORE_SRC)) tests/c/harness.h
	$(CC) $(CFLAGS) -Iinterp -o $@ $< $(call objs,$(BUILD),$(CORE_SRC)) -lquadmath $(CORE_LIBS) -lm

# the sandbox's test also links host/sandbox.o (pure C, no Lua)
tests/c/test_sandbox: tests/c/test_sandbox.c $(BUILD)/host/sandbox.o $(call objs,$(BUILD),$(CORE_SRC)) tests/c/harness.h
	$(CC) $(CFLAGS) -Iinterp -o $@ $< $(BUILD)/host/sandbox.o $(call objs,$(BUILD),$(CORE_SRC)) $(CORE_LIBS) -lm

demo: all
	./tenor examples/quickstart.lua

test: all $(CTESTS)
	@TENOR=./tenor CTESTS="$(CTESTS)" bash tests/run.sh

# The reference is generated from the help entries each module registers
# (tenor.doc), the text help() prints.
docs: all
	@mkdir -p docs
	./tenor -e 'io.write(tenor.reference_markdown(), "\n")' > docs/reference.md

bench: all
	@{ command -v hyperfine >/dev/null && [ -x /usr/bin/time ]; } || \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine time >/dev/null 2>&1 || true
	@bash tests/bench/run.sh

bench-peers: all
	@if [ "$$(id -u)" = 0 ]; then \
	  echo "installing $(PEER_PKGS)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(PEER_PKGS) >/dev/null; \
	else echo "to install the peers: sudo apt-get install -y $(PEER_PKGS)"; fi
	@bash tests/bench/run.sh

# The sanitized build lives apart so that it never mixes with normal objects.
$(ASAN)/%.o: interp/%.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Iinterp $(SAN_FLAGS) -c -o $@ $<

$(ASAN)/tenor: $(call objs,$(ASAN),$(CORE_SRC) $(LUA_SRC) $(MAIN_SRC)) $(STDLIB_OBJ)
	$(CC) $(CFLAGS) $(SAN_FLAGS) -o $@ $^ $(LDLIBS)

$(ASAN)/c/%: tests/c/%.c $(call objs,$(ASAN),$(CORE_SRC)) tests/c/harness.h
	@mkdir -p $(ASAN)/c
	$(CC) $(CFLAGS) $(SAN_FLAGS) -Iinterp -o $@ $< $(call objs,$(ASAN),$(CORE_SRC)) -lquadmath $(CORE_LIBS) -lm

$(ASAN)/c/test_sandbox: tests/c/test_sandbox.c $(ASAN)/host/sandbox.o $(call objs,$(ASAN),$(CORE_SRC)) tests/c/harness.h
	@mkdir -p $(ASAN)/c
	$(CC) $(CFLAGS) $(SAN_FLAGS) -Iinterp -o $@ $< $(ASAN)/host/sandbox.o $(call objs,$(ASAN),$(CORE_SRC)) $(CORE_LIBS) -lm

check-asan: deps $(ASAN)/tenor $(patsubst tests/c/%,$(ASAN)/c/%,$(CTESTS))
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  TENOR_HOME=$(CURDIR) TENOR=$(ASAN)/tenor \
	  CTESTS="$(patsubst tests/c/%,$(ASAN)/c/%,$(CTESTS))" bash tests/run.sh

# ThreadSanitizer on the tests that run threads (data.read_csv's two-thread
# reader, the VAR bootstrap's draws: its C test runs them on 1, 2 and 3
# threads whatever the machine); its own build, like the ASan one.
$(TSAN)/%.o: interp/%.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Iinterp -fsanitize=thread -c -o $@ $<

$(TSAN)/tenor: $(call objs,$(TSAN),$(CORE_SRC) $(LUA_SRC) $(MAIN_SRC)) $(STDLIB_OBJ)
	$(CC) $(CFLAGS) -fsanitize=thread -o $@ $^ $(LDLIBS)

$(TSAN)/c/%: tests/c/%.c $(call objs,$(TSAN),$(CORE_SRC)) tests/c/harness.h
	@mkdir -p $(TSAN)/c
	$(CC) $(CFLAGS) -fsanitize=thread -Iinterp -o $@ $< $(call objs,$(TSAN),$(CORE_SRC)) $(CORE_LIBS) -lm

check-tsan: deps $(TSAN)/tenor $(TSAN)/c/test_var
	TSAN_OPTIONS=halt_on_error=1 $(TSAN)/c/test_var
	TSAN_OPTIONS=halt_on_error=1 TENOR_HOME=$(CURDIR) $(TSAN)/tenor tests/lua/run.lua tests/lua/test_data.lua
	TSAN_OPTIONS=halt_on_error=1 TENOR_HOME=$(CURDIR) $(TSAN)/tenor tests/lua/run.lua tests/lua/test_var.lua

# report.html in a real browser: Debian's chromium, installed for this test
# only (make test runs the same check and skips it, with a note, without).
check-browser: all
	@if ! command -v chromium >/dev/null && [ "$$(id -u)" = 0 ]; then \
	  echo "installing chromium (for the browser test only)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; \
	fi
	@TENOR=./tenor bash tests/browser/run.sh

# The Chinese calendar tables (stdlib/calendar/*.csv, sources in stdlib/calendar/SOURCES.md)
# are compiled into a Lua table module that the stdlib embeds.
calendar-data: tenor
	./tenor stdlib/calendar/make_calendar_data.lua stdlib/tenor/calendar_data.lua
	$(MAKE) tenor

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/tenor
	install -m 755 tenor $(DESTDIR)$(PREFIX)/bin/tenor
	cp -R stdlib scripts $(DESTDIR)$(PREFIX)/share/tenor/
	install -d $(DESTDIR)$(PREFIX)/share/tenor/examples
	cp -R examples/data $(DESTDIR)$(PREFIX)/share/tenor/examples/

clean:
	rm -rf $(BUILD) tenor $(CTESTS)

# ------------------------------------------------------------------ fuzzing
# libFuzzer harnesses (tests/fuzz/): the CSV and Excel readers, date/period parsing,
# series construction and operations, and the store's record decoding.
FUZZ_SECONDS ?= 60
FUZZ      := build/fuzz
FUZZ_CC   := clang
FUZZ_SAN  := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_CFLAGS = -g -O1 -std=c11 -D_GNU_SOURCE -pthread -Iinterp $(PKG_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer-no-link
FUZZ_HARNESSES := csv series store xlsx
FUZZ_BINS := $(FUZZ)/fuzz_date $(patsubst %,$(FUZZ)/fuzz_%,$(FUZZ_HARNESSES))

deps-fuzz:
	@if ! command -v clang >/dev/null || ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then echo "installing clang (libFuzzer)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang >/dev/null; \
	  else echo "make fuzz needs clang: sudo apt-get install -y clang"; exit 1; fi; \
	fi

$(FUZZ)/%.o: interp/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -c -o $@ $<

$(FUZZ):
	mkdir -p $@

FUZZ_LIB_OBJS = $(call objs,$(FUZZ),$(CORE_SRC) $(LUA_SRC)) $(STDLIB_OBJ)

$(FUZZ)/fuzz_date: tests/fuzz/fuzz_date.c $(call objs,$(FUZZ),$(CORE_SRC))
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $^ $(CORE_LIBS) -lm

$(FUZZ)/fuzz_%: tests/fuzz/fuzz_lua.c tests/fuzz/%.lua $(FUZZ_LIB_OBJS)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -DFUZZ_NAME='"$*"' -DTENOR_ROOT='"$(CURDIR)"' \
	  -o $@ $< $(FUZZ_LIB_OBJS) $(PKG_LIBS) -lm

# keep the instrumented objects between runs
.SECONDARY: $(FUZZ_LIB_OBJS)

fuzz: deps deps-fuzz $(FUZZ_BINS)
	@bash tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_BINS)

-include $(wildcard $(BUILD)/*/*.d $(ASAN)/*/*.d $(TSAN)/*/*.d)

# jail: one binary, build/jail (the source directory jail/ holds the name
# ./jail, so the binary lives in build/; `make install` puts it on PATH).
# See README.md for the two commands a newcomer runs.

PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR  := $(PREFIX)/bin
B       := build

PKGS    := libseccomp libcap capstone libelf libdw libedit
# Linked: what every run needs. The debugger's libraries (capstone,
# libelf, libedit) are opened with dlopen() when it first needs them
# (debugger/dl.c), by the sonames of the ones built against.
LINKED  := libseccomp libcap
CC      ?= cc
WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wformat=2
soname   = $(shell readelf -d "$$($(CC) -print-file-name=lib$(1).so)" \
             2>/dev/null | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
DL_SONAMES  = $(foreach l,capstone elf edit,$(if $(call soname,$(l)),\
	-DDL_SONAME_$(shell echo $(l) | tr a-z A-Z)='"$(call soname,$(l))"'))
CFLAGS  ?= -O2 -g
CFLAGS  += -std=gnu17 $(WARN) -D_GNU_SOURCE -MMD -MP -I. \
           $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS  += $(shell pkg-config --libs $(LINKED) 2>/dev/null) -lpthread
SAN     := -fsanitize=address,undefined -fno-omit-frame-pointer \
           -fno-sanitize-recover=undefined

# Every module but main() goes into the library the unit tests link.
LIB_SRCS := $(sort $(wildcard tracer/*.c policy/*.c debugger/*.c jail/*.c))
LIB_SRCS := $(filter-out jail/main.c policy/baseline_gen.c,$(LIB_SRCS))
LIB_OBJS := $(LIB_SRCS:%.c=$(B)/obj/%.o)
ASAN_OBJS := $(LIB_SRCS:%.c=$(B)/asan/%.o)

# The hardening baseline's usual filters, compiled at build time by the
# library itself (policy/baseline_gen.c) into a table jail and the tests
# link: start-up then runs libseccomp for the policy's filter only.
BASE_TABLE := $(B)/gen/baseline_table.c
LIB_OBJS_ALL := $(LIB_OBJS) $(B)/obj/gen/baseline_table.o
ASAN_OBJS_ALL := $(ASAN_OBJS) $(B)/asan/gen/baseline_table.o

UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(B)/unit/%)
PROG_SRCS := $(wildcard tests/progs/*.c)
PROG_BINS := $(PROG_SRCS:tests/progs/%.c=$(B)/progs/%)
EXAMPLE_SRCS := $(wildcard examples/*.c)
EXAMPLE_BINS := $(EXAMPLE_SRCS:examples/%.c=$(B)/examples/%)

.PHONY: all jail deps test unit progs demo install clean format bench fuzz

all: $(B)/jail
jail: $(B)/jail

$(B)/jail: $(B)/obj/jail/main.o $(LIB_OBJS_ALL)
	$(CC) $(CFLAGS) -o $@ $(filter %.o,$^) $(LDLIBS)

# The baseline's table (see BASE_TABLE).
$(B)/baseline_gen: $(B)/obj/policy/baseline_gen.o $(LIB_OBJS)
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)
$(BASE_TABLE): $(B)/baseline_gen
	@mkdir -p $(@D)
	$< >$@.tmp && mv $@.tmp $@
$(B)/obj/gen/baseline_table.o: $(BASE_TABLE)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c -o $@ $<
$(B)/asan/gen/baseline_table.o: $(BASE_TABLE)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SAN) -c -o $@ $<

# jail built with ASan/UBSan: the engine's own sanitizer run in the tests.
$(B)/jail-asan: $(B)/asan/jail/main.o $(ASAN_OBJS_ALL)
	$(CC) $(CFLAGS) $(SAN) -o $@ $(filter %.o,$^) $(LDLIBS)

$(B)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c -o $@ $<

$(B)/obj/debugger/dl.o $(B)/asan/debugger/dl.o: CFLAGS += $(DL_SONAMES)

$(B)/asan/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SAN) -c -o $@ $<

$(B)/unit/%: tests/unit/%.c $(ASAN_OBJS_ALL)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SAN) -o $@ $(filter %.c %.o,$^) $(LDLIBS)

# Target programs run inside filters and under ptrace: no sanitizers.
$(B)/progs/%: tests/progs/%.c $(wildcard tests/progs/*.h)
	@mkdir -p $(@D)
	$(CC) -std=gnu17 -O1 -g -Wall -Wextra -Werror -D_GNU_SOURCE -o $@ $< -lpthread

# The same, as i386 programs (gcc-multilib): 32-bit programs under a policy.
PROG32_BINS := $(B)/progs32/pathcalls $(B)/progs32/esc_race_path
$(B)/progs32/%: tests/progs/%.c $(wildcard tests/progs/*.h)
	@mkdir -p $(@D)
	$(CC) -m32 -std=gnu17 -O1 -g -Wall -Wextra -Werror -D_GNU_SOURCE -o $@ $< -lpthread

$(B)/examples/%: examples/%.c
	@mkdir -p $(@D)
	$(CC) -std=gnu17 -O1 -g -Wall -Wextra -Werror -D_GNU_SOURCE -o $@ $< -lpthread

# The policy parser under libFuzzer (clang). `make fuzz` runs it for
# FUZZ_SECONDS; make test runs a short smoke of it (tests/integ/fuzz.sh).
FUZZ_SECONDS ?= 300
FUZZ_SRCS := tests/fuzz/fuzz_policy.c \
	     $(filter-out policy/baseline_gen.c,$(wildcard policy/*.c)) \
	     tracer/systab.c tracer/xlat.c tracer/strbuf.c
$(B)/fuzz_policy: $(FUZZ_SRCS) $(wildcard policy/*.h tracer/*.h)
	@mkdir -p $(@D)
	clang -g -O1 -fsanitize=fuzzer,address,undefined -std=gnu17 \
		-D_GNU_SOURCE -I. -o $@ $(FUZZ_SRCS) -lseccomp -lcap
fuzz: $(B)/fuzz_policy
	mkdir -p $(B)/fuzz-corpus
	$(B)/fuzz_policy -max_len=4096 -max_total_time=$(FUZZ_SECONDS) \
		$(B)/fuzz-corpus tests/policy/good examples/policies

unit: $(UNIT_BINS)
progs: $(PROG_BINS) $(PROG32_BINS) $(EXAMPLE_BINS)

# Installs what is missing, and only that, from Debian's archive.
deps:
	@sh tests/deps.sh

test: deps
	@$(MAKE) --no-print-directory jail $(B)/jail-asan unit progs \
		$(B)/fuzz_policy
	@sh tests/run.sh

demo: deps
	@$(MAKE) --no-print-directory jail progs
	@sh examples/demo.sh

# Benchmarks: ratios against native runs, strace and gdb, measured side
# by side (bench/RESULTS.md). BENCH_QUICK=1 for a short run.
bench: $(B)/jail
	ROOT=$(CURDIR) sh bench/run.sh

install: $(B)/jail
	install -d $(DESTDIR)$(BINDIR)
	install -m 0755 $(B)/jail $(DESTDIR)$(BINDIR)/jail

format:
	clang-format -i $(wildcard */*.c */*.h tests/*/*.c tests/*/*.h)

clean:
	rm -rf $(B)

-include $(shell find $(B) -name '*.d' 2>/dev/null)

#!/bin/sh
# Install the Debian packages jail needs to build and test, and only those
# that are missing. Run as root (or with sudo available).
set -e
need_pkgs=""
command -v pkg-config >/dev/null 2>&1 || need_pkgs="$need_pkgs pkg-config"
for pair in libseccomp:libseccomp-dev libcap:libcap-dev \
	    capstone:libcapstone-dev libelf:libelf-dev libdw:libdw-dev \
	    libedit:libedit-dev; do
	pc=${pair%%:*}
	deb=${pair#*:}
	if ! pkg-config --exists "$pc" 2>/dev/null; then
		need_pkgs="$need_pkgs $deb"
	fi
done
# Tools the tests and benchmarks compare against or run under jail.
for pair in gcc:gcc make:make gdb:gdb strace:strace python3:python3 \
	    tar:tar find:findutils sort:coreutils bash:bash clang:clang \
	    nm:binutils readelf:binutils objcopy:binutils; do
	cmd=${pair%%:*}
	deb=${pair#*:}
	command -v "$cmd" >/dev/null 2>&1 || need_pkgs="$need_pkgs $deb"
done
# libFuzzer's runtime for the policy fuzzer.
if ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a \
	>/dev/null 2>&1; then
	need_pkgs="$need_pkgs libclang-rt-dev"
fi
# 32-bit test programs (real i386 programs under a policy).
[ -e /usr/lib/gcc/x86_64-linux-gnu/12/32/libgcc.a ] ||
	[ -n "$(ls /usr/lib/gcc/x86_64-linux-gnu/*/32/libgcc.a 2>/dev/null)" ] ||
	need_pkgs="$need_pkgs gcc-multilib"
[ -z "$need_pkgs" ] && exit 0
echo "deps: installing$need_pkgs"
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq $need_pkgs

#!/bin/sh
# The part of `make asan` that checks dlplot's own fontconfig calls (Viz's FontCatalog and FontDirectories)
# for leaks. The test runs suppress every leak allocated in libfontconfig, because the sanitizer's fast
# unwinder stops inside that library (built without frame pointers) and cannot tell fontconfig objects
# pango's font map keeps from ones Viz forgot to destroy. Here a few commands that reach every fontconfig call
# Viz makes run with the slow, complete unwinder (about ten times slower) and without that suppression:
# pango's cached fontsets are still matched by their libpangoft2 frames, but a pattern, object set or font
# set Viz created and lost has no such frame and is reported.
# Usage: scripts/asan-fontconfig-check.sh BUILD-PATH (the --build-path of the address-sanitizer build).
set -eu
bin="$1/debug/dlplot"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
grep -v '^leak:libfontconfig' "$root/scripts/lsan-suppressions.txt" > "$work/suppressions.txt"
export ASAN_OPTIONS=fast_unwind_on_malloc=0:malloc_context_size=64
export LSAN_OPTIONS="suppressions=$work/suppressions.txt:print_suppressions=0"
# First, the check must be able to fail: a pattern lost outside pango (preloaded) is reported.
${CC:-cc} -O0 -fno-omit-frame-pointer -shared -fPIC -o "$work/lost-pattern.so" "$root/scripts/asan-fontconfig-lost-pattern.c" \
    $(pkg-config --cflags --libs fontconfig)
set +e
LD_PRELOAD="$work/lost-pattern.so" "$bin" activation relu --size 480x270 -o "$work/lost.png" > /dev/null 2> "$work/err"
rc=$?
set -e
if [ "$rc" -eq 0 ] || ! grep -q "lose_a_pattern" "$work/err"; then
    echo "asan-fontconfig-check: a fontconfig pattern lost outside pango was not reported (exit $rc); the check cannot work"
    exit 1
fi
echo "asan-fontconfig-check: a pattern lost outside pango is reported (exit $rc), so the check can fail"
failed=0
check() {
    want="$1"; shift
    set +e
    "$bin" "$@" > "$work/out" 2> "$work/err"
    rc=$?
    set -e
    if [ "$rc" -ne "$want" ] || grep -q "LeakSanitizer\|AddressSanitizer" "$work/err"; then
        echo "asan-fontconfig-check: dlplot $* exited $rc (expected $want):"
        cat "$work/err"
        failed=1
    else
        echo "asan-fontconfig-check: dlplot $*: exit $rc, no leak"
    fi
}
# The theme's family checked with FontCatalog.isInstalled, then a whole figure measured and drawn by pango.
check 0 surface bowl --optimizers gd,adam -o "$work/surface.png"
# A family named with --font: FontCatalog.family(named:) lists every family (FcFontList).
check 0 activation gelu --font "dejavu serif" -o "$work/gelu.svg"
# An unknown family: the refusal lists a sample of the installed families.
check 64 activation gelu --font "No Such Family" -o "$work/none.png"
# Frames drawn on several threads, each with its own pango context.
check 0 lr --rates 0.1,1.1 --steps 8 --animate --frames 4 -o "$work/lr.gif"
exit "$failed"

#!/bin/sh
# Runs the whole test suite under a sanitizer: tools/sanitize.sh asan|tsan [swift test arguments…]
#   asan  AddressSanitizer (with LeakSanitizer on Linux), scratch path .build-asan
#   tsan  ThreadSanitizer, scratch path .build-tsan
# The tests are Swift Testing, run with --disable-xctest (XCTest's own runner leaks). The qtplan binary the
# CLI tests run is built with the same sanitizer, so a report in it fails the test that ran it. Suppressions
# (tools/sanitizers/*.supp) are only for reports from inside system libraries and dependencies, each with its upstream issue.
# A report makes the process exit 86 (exitcode=86), a status no test expects: TSan's default, 66, is qtplan's
# "missing input", so a race in the qtplan binary under a test expecting 66 would have passed unseen.
# Runs niced. Prints the summary lines at the end and exits with swift test's status.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
kind=${1:?usage: tools/sanitize.sh asan|tsan [swift test arguments]}
shift
case $kind in
asan)
    sanitizer=address
    export ASAN_OPTIONS="exitcode=86:detect_leaks=1:abort_on_error=0:halt_on_error=1:detect_stack_use_after_return=1"
    export LSAN_OPTIONS="exitcode=86:suppressions=$root/tools/sanitizers/lsan.supp:print_suppressions=0" ;;
tsan)
    sanitizer=thread
    export TSAN_OPTIONS="exitcode=86:suppressions=$root/tools/sanitizers/tsan.supp:halt_on_error=1:second_deadlock_stack=1" ;;
*)
    echo "tools/sanitize.sh: unknown sanitizer '$kind' (asan or tsan)" >&2
    exit 64 ;;
esac
# The corpus's hang guards (cases with "seconds") allow a sanitized binary four times as long.
export QTPLAN_TEST_TIME_SCALE=4
mkdir -p "$root/.build-$kind"
log=$root/.build-$kind/sanitize.log
cd "$root"
set +e
nice -n 10 swift test --sanitize="$sanitizer" --disable-xctest --scratch-path "$root/.build-$kind" "$@" >"$log" 2>&1
status=$?
set -e
grep -E "ERROR: (Address|Leak|Thread)Sanitizer|WARNING: ThreadSanitizer|SUMMARY: (Address|Leak|Thread)Sanitizer" "$log" | sort | uniq -c || true
grep -E "^✘|Test run with" "$log" | tail -n 20
echo "tools/sanitize.sh $kind: swift test exit $status (full log: $log)"
exit $status

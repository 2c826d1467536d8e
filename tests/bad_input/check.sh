#!/bin/bash
# One bad-input check: runs a program that must refuse its input.
# usage: check.sh EXPECTED_SUBSTRING PROGRAM [ARGS...]
#   PROGRAM is azote or azote-props ($AZOTE, $AZOTE_PROPS from CTest); @SRC@ in ARGS is the source tree,
#   @OUT@ a fresh output directory that must not be created.
# Passes when the program exits with status 1 (bad input), prints exactly one line on stderr, that line names
# EXPECTED_SUBSTRING, nothing on stdout looks like a result, and no output directory or file appears.
set -u
expect=$1; prog=$2; shift 2
case $prog in
  azote) exe=${AZOTE:?}; ;;
  azote-props) exe=${AZOTE_PROPS:?}; ;;
  *) echo "check.sh: unknown program $prog"; exit 2 ;;
esac
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
out=$work/out
args=()
for a in "$@"; do a=${a//@SRC@/${AZOTE_SOURCE_DIR:?}}; args+=("${a//@OUT@/$out}"); done
if [[ $prog == azote ]] && [[ " ${args[*]} " != *" -output_dir "* ]]; then args+=(-output_dir "$out"); fi
(cd "$work" && "$exe" "${args[@]}" >"$work/stdout" 2>"$work/stderr")
rc=$?
fail=0
say() { echo "FAIL: $*"; fail=1; }
[[ $rc -eq 1 ]] || say "exit status $rc, expected 1 (bad input)"
nerr=$(grep -c '' "$work/stderr")
[[ $nerr -eq 1 ]] || say "stderr has $nerr lines, expected exactly one"
grep -qF -- "$expect" "$work/stderr" || say "stderr does not mention '$expect'"
grep -q ': error: ' "$work/stderr" || say "stderr line is not of the form 'PROGRAM: error: ...'"
[[ -e $out ]] && say "output directory $out was created"
grep -q '"species"\|"metrics"' "$work/stdout" && say "stdout looks like a result"
echo "command: $prog ${args[*]}"
echo "exit status: $rc"
echo "stderr:"; cat "$work/stderr"
exit $fail

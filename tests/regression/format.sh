#!/bin/bash
# Every C source and header is formatted with the repository's .clang-format (skipped when clang-format is absent).
cd "${AZOTE_SOURCE_DIR:?}" || exit 1
command -v clang-format >/dev/null || { echo "clang-format not installed: skipped"; exit 77; }
files=$(git ls-files '*.c' '*.h' 2>/dev/null || find include solver tests -name '*.[ch]')
bad=0
for f in $files; do
  clang-format --dry-run -Werror "$f" >/dev/null 2>&1 || { echo "not formatted: $f (run clang-format -i $f)"; bad=1; }
done
exit $bad

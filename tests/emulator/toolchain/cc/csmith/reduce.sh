#!/usr/bin/env bash
# Reduces a Csmith program on which our compiler disagrees with gcc, using
# cvise (Debian package `cvise`), into a small test case for regressions/.
# usage: reduce.sh <seed> [level]     (level 0 or 1: our -O level that fails; default 0)
# env: RVOS_CSMITH_OPTIONS  csmith options, as for the test (default: csmith-options.txt)
#      RVOS_REDUCE_GREP='text'  reduce a compile error instead (our stderr must contain text)
#      RVOS_REDUCE_DIR (default /tmp/rvos-reduce-<seed>-O<level>), RVOS_REDUCE_JOBS (cvise --n, default 1)
set -euo pipefail
seed=${1:?usage: reduce.sh <seed> [level]}
level=${2:-0}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../../.." && pwd)
inc=/usr/include/csmith
dir=${RVOS_REDUCE_DIR:-/tmp/rvos-reduce-$seed-O$level}
mkdir -p "$dir"
cd "$dir"

# 1. The program, preprocessed by OUR preprocessor against our libc headers, so
#    the reduced file needs neither csmith.h nor glibc (gcc compiles it as is).
options=${RVOS_CSMITH_OPTIONS:-$(grep -v '^#' "$here/csmith-options.txt")}
# shellcheck disable=SC2086
csmith --seed "$seed" $options -o orig.c
node "$root/bin/rvos.mjs" cc -E -I "$inc" orig.c -o case.c

# 2. The interestingness test cvise runs in a scratch copy of the directory
#    (exit 0 = the bug is still there). Candidates with undefined behaviour are
#    rejected: gcc warnings that signal it are errors, and a host build with
#    UBSan (but packed structs: no alignment check) and ASan, unsigned char like RISC-V, must run cleanly and agree with
#    gcc -O0 and -O1 under qemu.
cat > interesting.sh <<EOF
#!/usr/bin/env bash
ROOT='$root' LEVEL='$level' GREP='${RVOS_REDUCE_GREP:-}'
EOF
cat >> interesting.sh <<'EOF'
# (No -Werror=incompatible-pointer-types: csmith --float itself mixes float * and uint32_t *.)
W="-Werror=implicit-int -Werror=implicit-function-declaration -Werror=return-type -Werror=int-conversion
   -Werror=uninitialized -Werror=maybe-uninitialized -Werror=array-bounds"
ours() { timeout 60 node "$ROOT/bin/rvos.mjs" cc -O"$LEVEL" case.c -o r.elf 2> r.err; }
# shellcheck disable=SC2086
riscv64-linux-gnu-gcc -O1 -static $W case.c -o g1 2> /dev/null || exit 1
if [ -n "$GREP" ]; then ! ours && grep -qF -- "$GREP" r.err; exit; fi
# shellcheck disable=SC2086
riscv64-linux-gnu-gcc -O0 -static $W case.c -o g0 2> /dev/null || exit 1
gcc -O1 -w -funsigned-char -fsanitize=undefined,address -fno-sanitize=alignment -fno-sanitize-recover=all case.c -o host 2> /dev/null || exit 1
timeout 5 ./host > host.out 2> /dev/null || exit 1
timeout 5 qemu-riscv64 g0 > g0.out || exit 1
timeout 5 qemu-riscv64 g1 > g1.out || exit 1
cmp -s g0.out g1.out && cmp -s g0.out host.out || exit 1
ours || exit 1
timeout 120 node "$ROOT/bin/rvos.mjs" bare r.elf --max-instructions 2000000000 > r.out 2> /dev/null
! cmp -s r.out g0.out
EOF
chmod +x interesting.sh
if ! ./interesting.sh; then
  echo "reduce.sh: the preprocessed program does not show the bug (see $dir; a preprocessor bug?)" >&2
  exit 1
fi

# 3. Reduce, then show the result and gcc's output (the regression's .expected).
cvise --n "${RVOS_REDUCE_JOBS:-1}" --timeout 300 ./interesting.sh case.c
./interesting.sh || true
echo "== $dir/case.c (reduced); gcc output:"
cat case.c
cat g0.out 2> /dev/null || true

# Self-test of the harness: check 7 fails on purpose (so a broken harness that
# always "passes" is caught), unless PROBE_TRAP is defined, in which case an
# unexpected illegal instruction during check 9 must be reported as check 9.
#include "priv.h"

  .text
  .option norvc
  .globl test_main
test_main:
  CHECK(5, zero, 0)
#ifdef PROBE_TRAP
  li s11, 9
  .word 0
#else
  CHECK(7, zero, 1)
#endif
  j pass

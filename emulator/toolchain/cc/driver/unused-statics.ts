// Drops the definitions of `static` functions that nothing in the translation
// unit names (as gcc does for unreferenced static inline functions): headers
// such as Csmith's safe_math.h define hundreds of them, and generating and
// assembling their code would dominate the compile time.

import type { TranslationUnit } from '../ast.ts';

/**
 * Returns `unit` without the static function definitions that are never
 * referenced by name (the front end sets `isReferenced`) and not marked
 * `__attribute__((used))`. A function named only by another dropped one is
 * kept (one pass, conservative). The unit itself is not modified.
 */
export function withoutUnusedStatics(unit: TranslationUnit): TranslationUnit {
  const functions = unit.functions.filter((fn) => !fn.obj.isStatic || fn.obj.isReferenced === true || fn.obj.isUsed === true);
  return functions.length === unit.functions.length ? unit : { ...unit, functions };
}

// The FPU of the RV64GC hart: bit-exact IEEE 754 single/double arithmetic for
// the F and D extensions (SoftFloat-3 semantics as specialized for RISC-V).
// This file is the contract surface the interpreter calls; see the files it
// re-exports from for the implementation, one concept per file.
export { fflagsAccrued, FLAG_DZ, FLAG_NV, FLAG_NX, FLAG_OF, FLAG_UF } from './flags';
export { RM_RDN, RM_RMM, RM_RNE, RM_RTZ, RM_RUP } from './flags';
export { f32_add, f32_sub, f64_add, f64_sub } from './add';
export { f32_mul, f64_mul } from './mul';
export { f32_div, f64_div } from './div';
export { f32_sqrt, f64_sqrt } from './sqrt';
export { f32_fma, f64_fma } from './fma';
export { f32_eq, f32_le, f32_lt, f32_max, f32_min, f64_eq, f64_le, f64_lt, f64_max, f64_min } from './compare';
export { f32_classify, f64_classify } from './classify';
export {
  f32_to_i32, f32_to_i64, f32_to_u32, f32_to_u64, f64_to_i32, f64_to_i64, f64_to_u32, f64_to_u64,
} from './convert-to-int';
export {
  i32_to_f32, i32_to_f64, i64_to_f32, i64_to_f64, u32_to_f32, u32_to_f64, u64_to_f32, u64_to_f64,
} from './convert-from-int';
export { f32_to_f64, f64_to_f32 } from './convert-float';

// Bounds the VM host enforces on incoming protocol messages, so a malformed or
// hostile message is refused with an error instead of stalling the host.

/** Largest console input accepted in one message (bytes). */
export const MAX_CONSOLE_INPUT = 64 * 1024;
/** Largest single step request (steps run synchronously, so this bounds the stall). */
export const MAX_STEP_INSTRUCTIONS = 10_000_000;
/** RAM a boot request may ask for, in MiB. */
export const MIN_RAM_MIB = 16;
export const MAX_RAM_MIB = 1024;
/** Largest display coordinate, evdev key code (KEY_MAX) and wheel step accepted. */
export const MAX_DISPLAY_COORD = 16_384;
export const MAX_KEY_CODE = 0x2ff;
export const MAX_WHEEL_DELTA = 127;

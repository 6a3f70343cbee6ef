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
/** Largest snapshot file a snapshot-load or snapshot-info request may carry (the largest RAM, incompressible, plus tables). */
export const MAX_SNAPSHOT_BYTES = 1536 * 1024 * 1024;
/** Longest snapshot description, in UTF-16 code units (at most 3 UTF-8 bytes each: fits the file's 4096-byte field). */
export const MAX_SNAPSHOT_DESCRIPTION = 1000;
/** Longest source-save path (relative to fixtures/userland) and text, in UTF-16 code units. */
export const MAX_SOURCE_PATH = 256;
export const MAX_SOURCE_TEXT = 1024 * 1024;

// The one error type of the ELF reader, writer and loader: every malformed or
// unloadable file is reported as an ElfError with a message that names the
// offending header, entry and values (in hex), never as another exception.

/** A malformed, unsupported or unloadable ELF file. */
export class ElfError extends Error {
  override readonly name: string = 'ElfError';
}

/** Formats a number or bigint as 0x-prefixed lowercase hex, for error messages. */
export function hex(value: number | bigint): string {
  return `0x${value.toString(16)}`;
}

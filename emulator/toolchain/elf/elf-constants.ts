// ELF64 constants used by the reader, the writer and the loader: identification
// bytes, header and entry sizes, file/segment/section/symbol type codes, and the
// RISC-V e_flags bits. Values are from the System V gABI and the RISC-V psABI.

/** e_ident: magic bytes 0x7f 'E' 'L' 'F', then class, data, version, OS ABI. */
export const ELF_MAGIC = [0x7f, 0x45, 0x4c, 0x46] as const;
export const EI_CLASS = 4;
export const EI_DATA = 5;
export const EI_VERSION = 6;
export const EI_OSABI = 7;
export const EI_NIDENT = 16;

export const ELFCLASS64 = 2;
export const ELFDATA2LSB = 1;
export const EV_CURRENT = 1;
export const ELFOSABI_NONE = 0;

/** e_type */
export const ET_REL = 1;
export const ET_EXEC = 2;
export const ET_DYN = 3;

/** e_machine */
export const EM_RISCV = 243;

/** Sizes of the ELF64 header and table entries, in bytes. */
export const ELF64_EHDR_SIZE = 64;
export const ELF64_PHDR_SIZE = 56;
export const ELF64_SHDR_SIZE = 64;
export const ELF64_SYM_SIZE = 24;

/** Extended numbering escapes (gABI): real values are kept in section header 0. */
export const PN_XNUM = 0xffff;
export const SHN_UNDEF = 0;
export const SHN_LORESERVE = 0xff00;
export const SHN_ABS = 0xfff1;
export const SHN_COMMON = 0xfff2;
export const SHN_XINDEX = 0xffff;

/** p_type */
export const PT_NULL = 0;
export const PT_LOAD = 1;
export const PT_DYNAMIC = 2;
export const PT_INTERP = 3;
export const PT_NOTE = 4;
export const PT_PHDR = 6;
export const PT_TLS = 7;
export const PT_GNU_STACK = 0x6474e551;
export const PT_RISCV_ATTRIBUTES = 0x70000003;

/** p_flags */
export const PF_X = 1;
export const PF_W = 2;
export const PF_R = 4;

/** sh_type */
export const SHT_NULL = 0;
export const SHT_PROGBITS = 1;
export const SHT_SYMTAB = 2;
export const SHT_STRTAB = 3;
export const SHT_RELA = 4;
export const SHT_NOBITS = 8;
export const SHT_DYNSYM = 11;

/** sh_flags */
export const SHF_WRITE = 0x1n;
export const SHF_ALLOC = 0x2n;
export const SHF_EXECINSTR = 0x4n;

/** Symbol binding (st_info >> 4) and type (st_info & 0xf). */
export const STB_LOCAL = 0;
export const STB_GLOBAL = 1;
export const STB_WEAK = 2;
export const STT_NOTYPE = 0;
export const STT_OBJECT = 1;
export const STT_FUNC = 2;
export const STT_SECTION = 3;
export const STT_FILE = 4;

/** RISC-V e_flags. */
export const EF_RISCV_RVC = 0x1;
export const EF_RISCV_FLOAT_ABI_DOUBLE = 0x4;

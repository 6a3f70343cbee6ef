// Generates fixtures/userland/include/rvos/abi.h, the C view of the rvos ABI,
// from the TypeScript definitions in this folder (the one source of truth):
// syscall numbers, errors, handles, struct rvos_msg, wire types and tags (with
// their documented fields), console/open/file constants, the initrd layout.
// `npx tsx emulator/kernel/abi/generate-c-header.ts` rewrites the header.

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { RvosError } from './errors.ts';
import { DEFAULT_RIGHTS, EXIT_FAULT, EXIT_KILLED, HandleKind, Prot, Right } from './handles.ts';
import { INITRD_ENTRY_HEADER_SIZE, INITRD_HEADER_SIZE, INITRD_MAGIC } from './initrd.ts';
import { MemInfoLayout, MSG_CAPS_MAX, MSG_DATA_MAX, MsgLayout } from './message.ts';
import { Syscall } from './syscall-numbers.ts';
import { WIRE_TAG_SIZE, WireType } from './wire-format.ts';
import { BOOT_HANDLE, ConsoleMode, FILE_CHUNK, FileKind, GpuFormat, MouseButton, OpenFlag, WireTag } from './wire-tags.ts';

/** Where the generated header lives, relative to the repository root. */
export const C_HEADER_PATH = 'fixtures/userland/include/rvos/abi.h';

const ABI_DIR = fileURLToPath(new URL('.', import.meta.url));

/** "QueueFull" -> "QUEUE_FULL", "ChanSendBlocking" -> "CHAN_SEND_BLOCKING", "U64" -> "U64". */
export function upperSnake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z])([A-Z][a-z])/g, '$1_$2').toUpperCase();
}

/** The `/** ... *\/` doc comment before each `Name:` key of an object literal in `file`, flattened to one line. */
function docComments(file: string): Map<string, string> {
  const text = readFileSync(`${ABI_DIR}${file}`, 'utf8');
  const docs = new Map<string, string>();
  for (const m of text.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*\n\s*(\w+):/g)) {
    docs.set(m[2]!, m[1]!.split('\n').map((l) => l.replace(/^\s*\*?\s?/, '').trim()).join(' ').trim());
  }
  return docs;
}

/** Names spelled the traditional C way (RVOS_SYS_GETPID, RVOS_SYS_MEMINFO). */
const C_NAMES: Readonly<Record<string, string>> = { GetPid: 'GETPID', MemInfo: 'MEMINFO' };

function hex(value: number, digits: number): string {
  return `0x${value.toString(16).padStart(digits, '0')}`;
}

/** `#define` lines for every entry of `table`, with the doc comments of `docFile` above each. */
function defines(prefix: string, table: Readonly<Record<string, number>>, docFile?: string, format: (value: number) => string = String): string[] {
  const docs = docFile === undefined ? new Map<string, string>() : docComments(docFile);
  return Object.entries(table).flatMap(([name, value]) => {
    const doc = docs.get(name);
    const line = `#define ${prefix}${C_NAMES[name] ?? upperSnake(name)} ${format(value)}`;
    return doc === undefined ? [line] : [`/* ${doc.replaceAll('*/', '* /')} */`, line];
  });
}

function section(title: string, lines: readonly string[]): string {
  return [`/* ---- ${title} ---- */`, ...lines, ''].join('\n');
}

function errorSection(): string {
  const { Ok, ...errors } = RvosError;
  const names = Object.keys(RvosError);
  const inOrder = names.every((n, i) => RvosError[n as keyof typeof RvosError] === i);
  if (!inOrder) throw new Error('RvosError codes must be 0..n-1 in order for RVOS_ERROR_NAMES');
  return section('errors: a0 of every system call, the code of every Error response (0 = OK)', [
    'typedef int rvos_err;',
    `#define RVOS_OK ${Ok}`,
    ...defines('RVOS_E_', errors, 'errors.ts'),
    `#define RVOS_ERROR_COUNT ${names.length}`,
    `/* The symbolic names, indexed by code. */`,
    `#define RVOS_ERROR_NAMES { ${names.map((n) => `"${n}"`).join(', ')} }`,
  ]);
}

function handleSection(): string {
  const rights = Object.entries(DEFAULT_RIGHTS).map(([kind, r]) => {
    const name = Object.entries(HandleKind).find(([, v]) => v === Number(kind))![0];
    return `#define RVOS_DEFAULT_RIGHTS_${upperSnake(name)} ${hex(r, 2)}`;
  });
  return section('handles: kinds, rights, memory protection, exit statuses', [
    ...defines('RVOS_HANDLE_', HandleKind),
    ...defines('RVOS_RIGHT_', Right, 'handles.ts', (v) => hex(v, 2)),
    ...rights,
    ...defines('RVOS_PROT_', Prot),
    `#define RVOS_EXIT_KILLED (${EXIT_KILLED})`,
    `#define RVOS_EXIT_FAULT (${EXIT_FAULT})`,
  ]);
}

function messageSection(): string {
  const asserts = Object.entries(MsgLayout).filter(([k]) => k !== 'size')
    .map(([field, offset]) => `_Static_assert(offsetof(struct rvos_msg, ${field}) == ${offset}, "rvos_msg.${field}");`);
  const memFields = Object.entries(MemInfoLayout).filter(([k]) => k !== 'size');
  const memName = (k: string): string => upperSnake(k).toLowerCase();
  return section('messages (struct rvos_msg in user memory) and SYS_MEMINFO output', [
    `#define RVOS_MSG_DATA_MAX ${MSG_DATA_MAX}`,
    `#define RVOS_MSG_CAPS_MAX ${MSG_CAPS_MAX}`,
    'struct rvos_msg {',
    '    uint32_t len;       /* bytes of data used */',
    '    uint32_t ncaps;     /* entries of caps[] used */',
    '    uint32_t sender;    /* pid of the sender, set on receive (0 = a kernel service) */',
    '    uint32_t reserved;  /* zero */',
    '    uint64_t caps[RVOS_MSG_CAPS_MAX];',
    '    uint8_t data[RVOS_MSG_DATA_MAX];',
    '};',
    `_Static_assert(sizeof(struct rvos_msg) == ${MsgLayout.size}, "sizeof(struct rvos_msg)");`,
    ...asserts,
    'struct rvos_meminfo {',
    ...memFields.map(([k]) => `    uint64_t ${memName(k)};`),
    '};',
    `_Static_assert(sizeof(struct rvos_meminfo) == ${MemInfoLayout.size}, "sizeof(struct rvos_meminfo)");`,
    ...memFields.map(([k, off]) => `_Static_assert(offsetof(struct rvos_meminfo, ${memName(k)}) == ${off}, "rvos_meminfo.${memName(k)}");`),
  ]);
}

function protocolSection(): string {
  return section('service protocols: wire field types, message tags (fields in order), constants', [
    `#define RVOS_WIRE_TAG_SIZE ${WIRE_TAG_SIZE}`,
    ...defines('RVOS_WIRE_', WireType, 'wire-format.ts'),
    ...defines('RVOS_TAG_', WireTag, 'wire-tags.ts', (v) => hex(v, 4)),
    ...defines('RVOS_CONSOLE_', ConsoleMode),
    ...defines('RVOS_O_', OpenFlag),
    ...defines('RVOS_FILE_KIND_', FileKind),
    ...defines('RVOS_GPU_FORMAT_', GpuFormat),
    ...defines('RVOS_MOUSE_', MouseButton),
    `#define RVOS_FILE_CHUNK ${FILE_CHUNK}`,
    `#define RVOS_BOOT_HANDLE ${BOOT_HANDLE}`,
  ]);
}

function initrdSection(): string {
  return section('initrd (the root file system image init gives the file server)', [
    `#define RVOS_INITRD_MAGIC "${INITRD_MAGIC}"`,
    `#define RVOS_INITRD_HEADER_SIZE ${INITRD_HEADER_SIZE}`,
    `#define RVOS_INITRD_ENTRY_HEADER_SIZE ${INITRD_ENTRY_HEADER_SIZE}`,
  ]);
}

/** The complete text of abi.h. Throws only if the TS ABI breaks an assumption of the generator. */
export function generateCHeader(): string {
  return [
    '/* abi.h: the rvos kernel ABI for C. GENERATED by emulator/kernel/abi/generate-c-header.ts from',
    ' * emulator/kernel/abi/*.ts; do not edit (npx tsx emulator/kernel/abi/generate-c-header.ts).',
    ' * Calling convention: number in a7, arguments in a0-a5; a0 returns an error code (RVOS_OK = 0),',
    ' * a1/a2 the results. */',
    '#ifndef RVOS_ABI_H',
    '#define RVOS_ABI_H',
    '',
    '#include <stddef.h>',
    '#include <stdint.h>',
    '',
    section('system call numbers', defines('RVOS_SYS_', Syscall, 'syscall-numbers.ts')),
    errorSection(),
    handleSection(),
    messageSection(),
    protocolSection(),
    initrdSection(),
    '#endif',
    '',
  ].join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const target = fileURLToPath(new URL(`../../../${C_HEADER_PATH}`, import.meta.url));
  writeFileSync(target, generateCHeader());
  process.stdout.write(`wrote ${C_HEADER_PATH}\n`);
}

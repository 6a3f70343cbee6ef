// Message tags of every service protocol, with the fields each carries in
// order (see wire-format.ts). Requests go client -> service; every request is
// answered by exactly one response, either its own reply tag or the standard
// error response Error {U64 code (RvosError), Str message}.
// Generated into C by emulator/kernel/abi/generate-c-header.ts.

export const WireTag = {
  // ---- standard responses (every service) ----
  /** Error: U64 code (RvosError), Str message (human-readable, may be empty). */
  Error: 0xffff,
  /** Ok with no payload, or with the payload the request documents. */
  Ok: 0xfffe,

  // ---- boot channel (handle RVOS_BOOT_HANDLE of every process; init serves it) ----
  /** Sent by init as the first message on a new process's boot channel: Bytes argv (NUL-separated, each arg NUL-terminated), U64 ncaps; caps[] = the caps the spawner passed. */
  BootInfo: 0x0100,
  /** ConnectService: Str name -> Ok + Cap(0) client endpoint of the named service. NotFound if unknown. */
  InitConnect: 0x0101,
  /** Spawn: Str path (e.g. "/bin/hello" or "hello"), Bytes argv (NUL-separated), caps[] passed to the child's BootInfo -> Ok + U64 pid + Cap(0) process handle. */
  InitSpawn: 0x0102,
  /** Stdio: (no fields) -> Ok + Cap(0) endpoint of a console client (the console protocol): a new reference to the stdio endpoint the caller was spawned with (InitSpawnStdio), else a new connection to the console service. */
  InitStdio: 0x0103,
  /** Register a service implemented by the caller: Str name, Cap(0) control endpoint (receives SvcNewClient) -> Ok. AlreadyExists, LimitReached. */
  InitRegister: 0x0104,
  /** Kill: U64 pid -> Ok. NotFound if init holds no such process. */
  InitKill: 0x0105,
  /** Spawn with stdio: Str path, Bytes argv, Cap stdio (a channel end whose peer serves the console protocol); the other caps[] go to the child's BootInfo; the child's InitStdio returns stdio -> as InitSpawn. */
  InitSpawnStdio: 0x0106,

  // ---- service control channel (init -> a service) ----
  /** SvcNewClient: Cap(0) server endpoint of a new client connection. No response. */
  SvcNewClient: 0x0201,

  // ---- console ----
  /** ConsoleWrite: Bytes data -> no response (send it blocking: backpressure, never dropped). */
  ConsoleWrite: 0x0301,
  /** ConsoleRead: U64 max -> ConsoleData: Bytes (at most max bytes; canonical mode: up to and including a newline; empty = end of input). */
  ConsoleRead: 0x0302,
  /** ConsoleData: Bytes data (the reply to ConsoleRead). */
  ConsoleData: 0x0303,
  /** ConsoleSetMode: U64 mode (RVOS_CONSOLE_* bits) -> Ok. */
  ConsoleSetMode: 0x0304,

  // ---- sysinfo ----
  /** SysinfoPs: U64 start (index into the process table walk) -> SysinfoPsReply. */
  SysinfoPs: 0x0401,
  /** SysinfoPsReply: U64 next (0 = no more), U64 count, then count x (U64 pid, U64 parent, Str name, Str state, U64 handles, U64 frames). */
  SysinfoPsReply: 0x0402,
  /** SysinfoUptime: (no fields) -> Ok + U64 ns of virtual time, U64 instructions retired. */
  SysinfoUptime: 0x0403,

  // ---- math (example service) ----
  /** MathAdd: I64 a, I64 b -> Ok + I64 a+b (wrapping). */
  MathAdd: 0x0501,
  /** MathMul: I64 a, I64 b -> Ok + I64 a*b (wrapping). */
  MathMul: 0x0502,
  /** MathDiv: I64 a, I64 b -> Ok + I64 a/b (truncating); InvalidArgument when b == 0. */
  MathDiv: 0x0503,

  // ---- file server "fs" ----
  /** FsOpen: Str path, U64 flags (RVOS_O_*) -> Ok + U64 size + Cap(0) file endpoint (the file protocol; close it to close the file). */
  FsOpen: 0x0601,
  /** FsStat: Str path -> Ok + U64 kind (RVOS_FILE_KIND_*), U64 size. */
  FsStat: 0x0602,
  /** FsReaddir: Str path, U64 start -> FsDirEntries. */
  FsReaddir: 0x0603,
  /** FsDirEntries: U64 next (0 = no more), U64 count, then count x (Str name, U64 kind, U64 size). */
  FsDirEntries: 0x0604,
  /** FsMkdir: Str path -> Ok. */
  FsMkdir: 0x0605,
  /** FsUnlink: Str path (file or empty directory) -> Ok. */
  FsUnlink: 0x0606,
  /** FileRead (on a file endpoint): U64 offset, U64 len (<= RVOS_FILE_CHUNK) -> FileData. */
  FileRead: 0x0611,
  /** FileData: Bytes data (empty at end of file). */
  FileData: 0x0612,
  /** FileWrite (on a file endpoint opened with RVOS_O_WRITE): U64 offset, Bytes data -> Ok + U64 bytes written. */
  FileWrite: 0x0613,

  // ---- display "gpu" (one client at a time; a second gets Error LimitReached) ----
  /** GpuInfo (gpu -> client, the first message on an accepted connection): U64 width, U64 height, U64 stride (bytes per row), U64 format (RVOS_GPU_FORMAT_*), Cap(0) framebuffer SHM (Read + Write). */
  GpuInfo: 0x0701,
  /** GpuFlush: U64 x, U64 y, U64 width, U64 height -> Ok; InvalidArgument for an empty or out-of-range rectangle. */
  GpuFlush: 0x0702,

  // ---- keyboard "kbd" and pointer "mouse" (one client each; the first message on an accepted connection is Ok) ----
  /** KbdEvent (kbd -> client): U64 code (Linux evdev KEY_*), Bool down. */
  KbdEvent: 0x0801,
  /** MouseEvent (mouse -> client): U64 x, U64 y (absolute framebuffer pixels), U64 buttons (RVOS_MOUSE_*), I64 wheel (notches, + = up; 0 unless a wheel event). */
  MouseEvent: 0x0901,
} as const;
export type WireTagCode = (typeof WireTag)[keyof typeof WireTag];

/** Console modes (ConsoleSetMode): canonical = line discipline with echo and backspace; raw = bytes as they come. */
export const ConsoleMode = {
  Raw: 0,
  Canonical: 1,
  Echo: 2,
} as const;

/** FsOpen flags. */
export const OpenFlag = {
  Read: 1,
  Write: 2,
  Create: 4,
  Truncate: 8,
} as const;

/** FsStat / FsDirEntries kinds. */
export const FileKind = {
  File: 1,
  Directory: 2,
} as const;

/** GpuInfo pixel formats: XRGB8888 = 32-bit little-endian 0x00RRGGBB (bytes B, G, R, X). */
export const GpuFormat = {
  Xrgb8888: 1,
} as const;

/** MouseEvent button bits. */
export const MouseButton = {
  Left: 1,
  Right: 2,
  Middle: 4,
} as const;

/** Largest FileRead length (leaves room for the tag and field headers in a message). */
export const FILE_CHUNK = 1000;

/** The handle number of every process's boot channel (its first handle). */
export const BOOT_HANDLE = 0;

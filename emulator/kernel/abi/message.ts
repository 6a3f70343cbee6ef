// The message every channel carries, as laid out in user memory (struct
// rvos_msg in the generated C header). Sending: the kernel reads len bytes of
// data and ncaps handles from caps[]; receiving: it writes data, len, ncaps,
// sender and the receiver's new handles.

/** Bytes of payload a message may carry. */
export const MSG_DATA_MAX = 1024;
/** Capabilities (handles) a message may carry. */
export const MSG_CAPS_MAX = 4;

/** Byte offsets of struct rvos_msg's fields. */
export const MsgLayout = {
  /** u32: bytes of data used. */
  len: 0,
  /** u32: entries of caps[] used. */
  ncaps: 4,
  /** u32: pid of the sending process (set by the kernel on receive; 0 = a kernel service). */
  sender: 8,
  /** u32: reserved, zero. */
  reserved: 12,
  /** u64[MSG_CAPS_MAX]: handles. */
  caps: 16,
  /** u8[MSG_DATA_MAX] */
  data: 16 + 8 * MSG_CAPS_MAX,
  /** sizeof(struct rvos_msg) */
  size: 16 + 8 * MSG_CAPS_MAX + MSG_DATA_MAX,
} as const;

/** Byte offsets of struct rvos_meminfo (SYS_MEMINFO's output), all u64. */
export const MemInfoLayout = {
  framesTotal: 0,
  framesFree: 8,
  processes: 16,
  channels: 24,
  handles: 32,
  shmRegions: 40,
  mmapRegions: 48,
  size: 56,
} as const;

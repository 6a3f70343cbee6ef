// The wire format of service protocols: how the data bytes of a message are
// laid out. A message is a u16 tag (which request or response it is, from
// wire-tags.ts) followed by typed fields in a fixed order per tag, each field a
// u8 field type then its payload (little-endian). Capabilities travel in the
// message's caps[] and a CAP field names the slot.

/** Field types. */
export const WireType = {
  /** u64, 8 bytes */
  U64: 1,
  /** i64, 8 bytes (two's complement) */
  I64: 2,
  /** u16 length, then that many bytes */
  Bytes: 3,
  /** u16 length, then that many bytes of UTF-8 (no NUL) */
  Str: 4,
  /** u8 index into the message's caps[] */
  Cap: 5,
  /** u8, 0 or 1 */
  Bool: 6,
} as const;
export type WireTypeCode = (typeof WireType)[keyof typeof WireType];

/** Byte size of the leading tag. */
export const WIRE_TAG_SIZE = 2;

// Layout of the initial ramdisk: the root file system image (fixtures/rootfs
// plus the compiled programs under /bin) that init hands to the file server
// as a read-only shared-memory region (cap 0 of fs's BootInfo).
//
//   header: u8[8] magic "RVOSIRD1", u32 entry count, u32 image length in bytes
//           (header included: the SHM region is rounded up to pages, so the file
//           server needs the real end for its bounds checks)
//   entry:  u32 path length, u32 kind (FileKind), u64 data length,
//           path bytes (absolute, e.g. "/bin/hello"), zero padding to 8,
//           data bytes, zero padding to 8
// Directories are entries with kind Directory and no data; parents come first.

export const INITRD_MAGIC = 'RVOSIRD1';
export const INITRD_HEADER_SIZE = 16;
export const INITRD_ENTRY_HEADER_SIZE = 16;

// Pure formatting of the VM's run status for the toolbar and status bar.

import type { RunStatus } from '../../../emulator/host/protocol/messages.ts';

/** "12.3 MIPS" (the last measured speed), "idle" while the running guest waits, "—" when not running. */
export function formatSpeed(status: RunStatus): string {
  if (status.state !== 'running' && status.state !== 'paused') return '—';
  const mips = status.mips > 0 ? `${status.mips.toFixed(1)} MIPS` : '';
  if (status.state === 'running' && status.idle) return mips === '' ? 'idle' : `idle · ${mips}`;
  return mips === '' ? '…' : mips;
}

/** The last measured speed ("74.9 MIPS"), or "—" before one. */
export function formatMips(status: RunStatus): string {
  return status.mips > 0 ? `${status.mips.toFixed(1)} MIPS` : '—';
}

/** Virtual time as seconds with millisecond precision ("3.142 s"). */
export function formatVirtualTime(ns: number): string {
  return `${(ns / 1e9).toFixed(3)} s`;
}

/** A large count with thousands separators ("1,234,567"). */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

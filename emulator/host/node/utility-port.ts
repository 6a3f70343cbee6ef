// The parts of Electron's utility-process messaging the VM host uses, typed
// here because emulator/ never imports electron: process.parentPort (messages
// from main, with transferred ports) and MessagePortMain (to the renderer).

/** A MessagePortMain end (Electron's, or a test double over Node's MessagePort). */
export interface PortMainLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  postMessage(message: unknown): void;
  start(): void;
  close(): void;
}

/** process.parentPort in a utility process. */
export interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown; ports: readonly PortMainLike[] }) => void): unknown;
}

/** What main posts to the utility process, with the renderer's port as the one transferred port. */
export const VM_CONNECT_MESSAGE = 'rvos:vm-connect';

/** Returns true when data is main's connect message. */
export function isVmConnectMessage(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === VM_CONNECT_MESSAGE;
}

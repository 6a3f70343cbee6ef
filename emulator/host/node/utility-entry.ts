// Entry of Electron's utility process that runs the VM host (docs/architecture.md,
// "Electron and the browser host"): main forks it (main/vm-host-process.ts) and
// posts it one MessagePortMain per renderer connection; frames and console bytes
// travel on that port, never through main. Assets come from the bundle's folder.

import { fileHostDeps } from './vm-assets.ts';
import { serveVmHost } from './utility-host.ts';
import type { ParentPortLike } from './utility-port.ts';

const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
if (parentPort === undefined) throw new Error('utility-entry: not running in an Electron utility process');
serveVmHost(parentPort, fileHostDeps(import.meta.dirname));

// The host client in Electron: asks main (through window.rvos) for a port to
// the VM host's utility process, attaches each port the preload forwards,
// and on a VM host notice fails the requests in flight (their answers died
// with the process) before the restarted host's port arrives. No DOM types.

import type { VmHostNotice, WorkbenchApi } from '../../../preload/workbench-api.ts';
import { ElectronVmPort, type VmMessagePort } from './electron-vm-port.ts';
import { HostClient } from './host-client.ts';
import { listenForVmPorts, type PortReceivingWindow } from './vm-port-receiver.ts';

/** Returns a client over main's ports; onNotice gets each VM host notice after pending requests failed. */
export function electronConnection<P extends VmMessagePort>(
  api: Pick<WorkbenchApi, 'connectVm' | 'onVmHostNotice'>,
  target: PortReceivingWindow<P>,
  onNotice: (notice: VmHostNotice) => void,
): HostClient {
  const port = new ElectronVmPort();
  const client = new HostClient(port);
  listenForVmPorts(target, (received) => port.attach(received));
  api.onVmHostNotice((notice) => {
    client.transportError(notice.message);
    onNotice(notice);
  });
  void api.connectVm().then((reply) => {
    if (!reply.ok) client.transportError(`VM host not connected: ${reply.error}`);
  });
  return client;
}

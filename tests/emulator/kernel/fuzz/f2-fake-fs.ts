// A polling kernel-side file server for the fault-injection sweep of init's
// multi-step spawn (FsOpen, FileRead chunks): registered as "fs" with init, it
// answers whatever is queued each time poll() is called and never blocks, so
// a test can interleave it with init's steps (and keep faults armed only
// while init runs). Serves one file image for every path.

import { RvosError } from '../../../../emulator/kernel/abi/errors.ts';
import { WireTag } from '../../../../emulator/kernel/abi/wire-tags.ts';
import { OwnedEndpoint } from '../../../../emulator/kernel/ipc/owned-endpoint.ts';
import { WireReader, WireWriter } from '../../../../emulator/kernel/services/wire-codec.ts';
import { call, CHANNEL_RIGHTS, errorCode, type ServiceKit } from '../services/service-kit.ts';

export class PollingFs {
  private readonly control: OwnedEndpoint;
  /** Connections (FsOpen expected) and open files (FileRead expected). */
  private connections: OwnedEndpoint[] = [];
  private files: OwnedEndpoint[] = [];

  /** Registers "fs" with init over `boot` (throws when init refuses). */
  constructor(private readonly kit: ServiceKit, boot: OwnedEndpoint, private readonly image: Uint8Array) {
    const pair = OwnedEndpoint.createPair(kit.kernel);
    if (!pair.ok) throw new Error('no channel');
    const [control, initEnd] = pair.value;
    using reply = call(kit, boot, new WireWriter(WireTag.InitRegister).str('fs').cap(0).bytes(), [initEnd.cap(CHANNEL_RIGHTS)]);
    initEnd.close();
    if (errorCode(reply) !== 0) throw new Error(`register fs: ${errorCode(reply)}`);
    this.control = control;
  }

  /** The endpoint ids the file server holds one reference on each (for accounting checks). */
  held(): number[] {
    return [this.control, ...this.connections, ...this.files].map((e) => e.id);
  }

  /** Answers everything queued: new clients, FsOpen (Ok + size + file cap), FileRead (FileData); drops closed peers. */
  poll(): void {
    for (let note = this.control.recv(); note.ok; note = this.control.recv()) {
      using msg = note.value;
      const ep = OwnedEndpoint.fromMessage(this.kit.kernel, msg, new WireReader(msg.data).cap(msg.capCount));
      if (ep !== undefined) this.connections.push(ep);
    }
    this.connections = this.connections.filter((c) => this.serve(c, () => this.open(c)));
    this.files = this.files.filter((f) => this.serve(f, (data) => this.read(f, data)));
  }

  /** Closes every connection and file (the control endpoint stays). */
  closeAll(): void {
    for (const e of [...this.connections, ...this.files]) e.close();
    this.connections = [];
    this.files = [];
  }

  /** Handles the requests queued on `ep` with `answer`; false (and closed) once its peer is gone. */
  private serve(ep: OwnedEndpoint, answer: (data: Uint8Array) => void): boolean {
    for (;;) {
      const got = ep.recv();
      if (!got.ok) {
        if (got.error === RvosError.WouldBlock) return true;
        ep.close();
        return false;
      }
      using req = got.value;
      answer(req.data);
    }
  }

  private open(connection: OwnedEndpoint): void {
    const pair = OwnedEndpoint.createPair(this.kit.kernel);
    if (!pair.ok) throw new Error('no channel');
    const [server, client] = pair.value;
    connection.send({ sender: 0, data: new WireWriter(WireTag.Ok).u64(this.image.length).cap(0).bytes(), caps: [client.cap(CHANNEL_RIGHTS)] });
    client.close();
    this.files.push(server);
  }

  private read(file: OwnedEndpoint, data: Uint8Array): void {
    const q = new WireReader(data);
    const offset = q.u64Number();
    const len = q.u64Number();
    file.send({ sender: 0, data: new WireWriter(WireTag.FileData).bytesField(this.image.subarray(offset, offset + len)).bytes(), caps: [] });
  }
}

// A service with a control endpoint (init sends SvcNewClient there, carrying
// the server end of each new connection) and a table of client connections
// (at most maxClients: beyond it the connection gets the standard Error
// LimitReached and is closed). Console, sysinfo and math build on it.

import { RvosError } from '../abi/errors.ts';
import { WireTag } from '../abi/wire-tags.ts';
import type { KernelContext } from '../context/kernel-context.ts';
import { OwnedEndpoint } from '../ipc/owned-endpoint.ts';
import type { ReceivedMessage } from '../ipc/received-message.ts';
import type { Process } from '../proc/process.ts';
import { EndpointService } from './service-task.ts';
import { WireReader } from './wire-codec.ts';

/** One connection: the service's end of the client's channel, plus per-client state. */
export interface ServiceClient {
  readonly ep: OwnedEndpoint;
}

export abstract class ClientService<C extends ServiceClient> extends EndpointService {
  /** Connections, oldest first. */
  readonly clients: C[] = [];

  /** `control` (owned) receives SvcNewClient; `maxClients` bounds the client table. */
  constructor(readonly control: OwnedEndpoint, readonly maxClients: number) {
    super();
  }

  /** The per-client state for a new connection on `ep` (owned by the result). */
  protected abstract newClient(ep: OwnedEndpoint): C;

  /** Handles one request of `client`. */
  protected abstract onRequest(k: KernelContext, self: Process, client: C, msg: ReceivedMessage): void;

  /** Called when `client` has been accepted (a service that greets its clients sends the greeting here). */
  protected onConnected(_k: KernelContext, _self: Process, _client: C): void {}

  /** Called when `client` has been removed (its endpoint is already closed). */
  protected onClientGone(_k: KernelContext, _client: C): void {}

  override endpointLabels(): [number, string][] {
    const labels: [number, string][] = this.clients.map((c) => [c.ep.id, 'client connection']);
    return this.control.owned ? [[this.control.id, 'control (SvcNewClient)'], ...labels] : labels;
  }

  protected endpoints(): readonly OwnedEndpoint[] {
    return [this.control, ...this.clients.map((c) => c.ep)];
  }

  protected onMessage(k: KernelContext, self: Process, from: OwnedEndpoint, msg: ReceivedMessage): void {
    if (from === this.control) {
      this.onControl(k, self, msg);
      return;
    }
    const client = this.clients.find((c) => c.ep === from);
    if (client !== undefined) this.onRequest(k, self, client, msg);
  }

  protected onPeerClosed(k: KernelContext, _self: Process, ep: OwnedEndpoint): void {
    if (ep === this.control) {
      ep.close();
      return;
    }
    const i = this.clients.findIndex((c) => c.ep === ep);
    if (i < 0) return;
    const [client] = this.clients.splice(i, 1);
    ep.close();
    this.onClientGone(k, client!);
  }

  /** SvcNewClient: Cap(0) server end of a new connection. Malformed => standard Error on the control endpoint. */
  private onControl(k: KernelContext, self: Process, msg: ReceivedMessage): void {
    const r = new WireReader(msg.data);
    const index = r.cap(msg.capCount);
    const ep = r.tag === WireTag.SvcNewClient && r.end() ? OwnedEndpoint.fromMessage(k, msg, index) : undefined;
    if (ep === undefined) {
      this.replyMalformed(k, self, this.control);
      return;
    }
    if (this.clients.length >= this.maxClients) {
      this.replyError(k, self, ep, RvosError.LimitReached, 'too many clients');
      ep.close();
      return;
    }
    const client = this.newClient(ep);
    this.clients.push(client);
    this.onConnected(k, self, client);
  }
}

/** A ClientService whose clients carry nothing but their endpoint (math, sysinfo). */
export abstract class StatelessClientService extends ClientService<ServiceClient> {
  /** Receives connections on `control` (owned); clients are bounded by `maxClients` (default: only by the channel table). */
  constructor(control: OwnedEndpoint, maxClients = Number.MAX_SAFE_INTEGER) {
    super(control, maxClients);
  }

  protected newClient(ep: OwnedEndpoint): ServiceClient {
    return { ep };
  }
}

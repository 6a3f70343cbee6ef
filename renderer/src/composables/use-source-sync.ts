// Starts the Source side of hot reload once per page: the reload log follows
// the VM host's 'reload' events and the sources store loads the listing and
// follows external edits (forwarding them to the VM host) even before the
// Source tab is first opened. Idempotent.
import { sourceBackend } from '../host-client/source-backend.ts';
import { vmConnection } from '../host-client/vm-connection.ts';
import { useReloadLogStore } from '../stores/reload-log.ts';
import { useSourcesStore } from '../stores/sources.ts';

/** Connects the reload log and loads the sources (failures land in the sources store's lastError). */
export function startSourceSync(): void {
  useReloadLogStore().connect(vmConnection());
  void useSourcesStore().load(sourceBackend(), vmConnection);
}

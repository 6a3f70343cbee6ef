// Console store: the serial console's byte streams. Output from the VM goes to
// the attached terminal (kept in a backlog until one attaches); typed input
// goes to the VM host.

import { defineStore } from 'pinia';
import { ref } from 'vue';
import { vmConnection } from '../host-client/vm-connection.ts';

type Writer = (bytes: Uint8Array) => void;

export const useConsoleStore = defineStore('console', () => {
  const bytesReceived = ref(0);
  const bytesSent = ref(0);
  /** Counts VM resets; the terminal clears its screen when it changes. */
  const generation = ref(0);
  let writer: Writer | undefined;
  const backlog: Uint8Array[] = [];
  const encoder = new TextEncoder();

  /** Makes `write` the terminal output; returns the function that detaches it. */
  function attach(write: Writer): () => void {
    writer = write;
    backlog.splice(0).forEach(write);
    return () => {
      if (writer === write) writer = undefined;
    };
  }

  /** Output bytes from the VM. */
  function receive(bytes: Uint8Array): void {
    bytesReceived.value += bytes.length;
    if (writer === undefined) backlog.push(bytes);
    else writer(bytes);
  }

  /** Sends terminal input (a string from the terminal's key handling) to the guest. */
  function send(text: string): void {
    const bytes = encoder.encode(text);
    bytesSent.value += bytes.length;
    vmConnection().consoleInput(bytes);
  }

  /** A new VM replaces the old one: drop undelivered output and let the terminal clear. */
  function clear(): void {
    backlog.length = 0;
    generation.value++;
  }

  return { bytesReceived, bytesSent, generation, attach, receive, send, clear };
});

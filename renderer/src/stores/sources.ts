// Sources store: the guest program sources (fetched once from the listing the
// browser host serves at SOURCES_PATH) and the file the Source view shows.

import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { SOURCES_PATH } from '../../../emulator/host/worker/asset-paths.ts';
import type { SourceFile } from '../../../emulator/host/worker/source-listing.ts';
import { isSourceListing, sourceFileId } from '../../../emulator/host/worker/source-listing.ts';

/** The file selected before the user picks one, when it is in the listing. */
export const DEFAULT_SOURCE_ID = 'shell/shell.c';

export const useSourcesStore = defineStore('sources', () => {
  const files = shallowRef<SourceFile[]>([]);
  const selectedId = ref('');
  const loading = ref(false);
  const lastError = ref('');
  const selected = computed(() => files.value.find((file) => sourceFileId(file) === selectedId.value) ?? null);

  /** Fetches the listing unless it is loaded or loading; failures land in lastError. */
  async function load(): Promise<void> {
    if (loading.value || files.value.length > 0) return;
    loading.value = true;
    try {
      const response = await fetch(SOURCES_PATH, { cache: 'no-store' });
      if (!response.ok) throw new Error(`${SOURCES_PATH}: HTTP ${response.status} ${await response.text()}`);
      const listing: unknown = await response.json();
      if (!isSourceListing(listing)) throw new Error(`${SOURCES_PATH}: not a source listing`);
      files.value = listing.files;
      lastError.value = '';
      if (selected.value === null) select(listing.files.some((f) => sourceFileId(f) === DEFAULT_SOURCE_ID) ? DEFAULT_SOURCE_ID : sourceFileId(listing.files[0] ?? { folder: '', name: '' }));
    } catch (error) {
      lastError.value = error instanceof Error ? error.message : String(error);
    } finally {
      loading.value = false;
    }
  }

  /** Shows the file with this id ("shell/shell.c"). */
  function select(id: string): void {
    selectedId.value = id;
  }

  return { files, selectedId, selected, loading, lastError, load, select };
});

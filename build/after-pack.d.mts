// Types of build/after-pack.mjs, the electron-builder afterPack hook.
import type { AfterPackContext } from './fuses.mjs';

export default function afterPack(context: AfterPackContext): Promise<void>;

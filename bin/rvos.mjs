#!/usr/bin/env node
// The `rvos` command: runs emulator/cli/main.ts from this checkout through tsx,
// so the CLI needs no separate build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../emulator/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

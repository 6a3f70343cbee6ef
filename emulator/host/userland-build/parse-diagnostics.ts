// Turns the toolchain's formatted messages ("file:line:col: error: text", then
// the source line and a caret) into SourceDiagnostic data with paths relative
// to the source tree; a message without a position (the linker's) is placed
// at line 1, column 1 of the program's main file.

import type { SourceDiagnostic } from '../protocol/hot-reload-types.ts';

const POSITIONED = /^(.+?):(\d+):(\d+): (error|warning): (.*)$/;
const UNPOSITIONED = /^(?:(.+?): )?(error|warning): (.*)$/;

/** The diagnostics in `messages`; `root` is stripped from paths, `fallback` names position-less ones. */
export function parseDiagnostics(messages: string, root: string, fallback: string): SourceDiagnostic[] {
  const relative = (path: string): string => (path.startsWith(`${root}/`) ? path.slice(root.length + 1) : path);
  const out: SourceDiagnostic[] = [];
  for (const line of messages.split('\n')) {
    const m = POSITIONED.exec(line);
    if (m !== null) {
      out.push({ path: relative(m[1]!), line: Number(m[2]), column: Number(m[3]), severity: m[4] as 'error' | 'warning', message: m[5]! });
      continue;
    }
    const u = UNPOSITIONED.exec(line);
    if (u !== null) out.push({ path: fallback, line: 1, column: 1, severity: u[2] as 'error' | 'warning', message: u[1] === undefined ? u[3]! : `${relative(u[1])}: ${u[3]}` });
  }
  return out;
}

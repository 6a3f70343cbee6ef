// Minimal ambient types for the WebAssembly JS API. The node-side TypeScript
// project has no DOM lib and @types/node 20 does not declare WebAssembly, so
// the subset the hart loader uses is declared here (matches lib.dom.d.ts).

declare namespace WebAssembly {
  type ImportValue = ((...args: never[]) => unknown) | number | bigint | Memory;
  type ModuleImports = Record<string, ImportValue>;
  type Imports = Record<string, ModuleImports>;
  type Exports = Record<string, unknown>;
  type BufferSource = ArrayBufferView<ArrayBuffer> | ArrayBuffer;

  interface Memory {
    readonly buffer: ArrayBuffer;
    grow(delta: number): number;
  }
  class Module {
    constructor(bytes: BufferSource);
  }
  class Instance {
    constructor(module: Module, imports?: Imports);
    readonly exports: Exports;
  }
  function compile(bytes: BufferSource): Promise<Module>;
}

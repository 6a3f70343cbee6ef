// Type declarations for the renderer: .vue single-file components.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}

// Style sheets imported for their side effect (Vite injects them).
declare module '*.css';

// ESLint flat config: TypeScript strict rules for every process folder (Vue
// single-file components included, their <script> parsed as TypeScript), and the
// layering rule of docs/architecture.md (emulator/ never imports UI folders).
import pluginVue from 'eslint-plugin-vue';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**', 'out/**', 'dist/**', 'emulator/hart/build/**',
      // AssemblyScript: checked by the asc compiler, not by tsc/ESLint.
      'emulator/hart/assembly/**',
      'fixtures/**',
    ],
  },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/essential'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    files: ['**/*.ts', '**/*.vue'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['emulator/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{
          group: ['**/main/**', '**/preload/**', '**/renderer/**'],
          message: 'emulator/ must not import from main/, preload/ or renderer/ (docs/architecture.md, layering).',
        }],
      }],
    },
  },
);

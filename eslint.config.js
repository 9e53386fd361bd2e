// Lint: typescript-eslint's recommended rules, React hooks rules for the renderer, and the layer
// rules of DESIGN §2 as import restrictions (the architecture test checks the same table).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '**/node_modules/**', 'test-results/**', 'playwright-report/**', '.venv/**', '**/.venv/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
      // A handler created before the value exists (a port known only after listen) reads it later.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: restrict(['electron', 'react', 'ws', 'node:*', '**/src-main/**', '**/src-renderer/**'], 'src-shared runs in the browser and in Node: no electron, Node built-ins, react or app code (DESIGN §2).'),
  },
  {
    files: ['src-main/engine/**/*.ts'],
    rules: restrict(['electron', 'ws', '**/shells/**', '**/rpc/**', '**/src-renderer/**'], 'the engine is plain Node: no electron, no shells (DESIGN §2).'),
  },
  {
    files: ['src-main/rpc/**/*.ts'],
    rules: restrict(['electron', 'ws', '**/shells/**', '**/src-renderer/**'], 'the dispatcher knows no transport (DESIGN §2).'),
  },
  {
    files: ['src-main/shells/web/**/*.ts', 'src-main/shells/cli/**/*.ts', 'src-main/shells/common/**/*.ts'],
    rules: restrict(['electron', '**/src-renderer/**'], 'only the Electron shell imports electron (DESIGN §2).'),
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(['electron', 'ws', 'node:*', '**/src-main/**'], 'the renderer runs in a browser sandbox: it talks to the engine through the API client only (DESIGN §2).'),
    },
  },
  {
    // CommonJS scripts on purpose (the security gate hooks require() before loading its tool).
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);

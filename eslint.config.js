// @ts-check
// Layer rules, enforced (README "Architecture"): each block lists what a folder may NOT import.
// Flat config replaces a rule's options per block, so every block states its full set.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ELECTRON_ONLY_IN_SHELL = {
  name: 'electron',
  message:
    "'electron' belongs to main/electron/ and preload/index.ts only (README, Architecture: two shells, one core).",
};

/** Options of no-restricted-imports for one layer. */
const restrict = (/** @type {any[]} */ patterns, extraPaths = /** @type {any[]} */ ([])) => [
  'error',
  { paths: [ELECTRON_ONLY_IN_SHELL, ...extraPaths], patterns },
];

const NOT_KEYTAR = { name: 'keytar', message: 'keytar is reached only through the SecretStore port (main/secrets/).' };

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': restrict([]),
    },
  },
  {
    files: ['main/electron/**', 'preload/index.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['main/core/**'],
    rules: {
      'no-restricted-imports': restrict(
        [
          {
            regex: '^(?!node:|zod(/|$)|jose$|@apidevtools/swagger-parser$|\\.)',
            message:
              'main/core/ imports only core, the bridge contract, Node built-ins (node:…) and the pure libraries zod, jose and @apidevtools/swagger-parser.',
          },
          {
            regex: '^(\\.\\./)+(electron|secrets|static)(/|$)',
            message: 'main/core/ must not reach into a shell or an adapter; inject a port instead.',
          },
          {
            regex: '(^|/)renderer(/|$)|(^|/)preload/(?!contract$)',
            message: 'main/core/ may import only preload/contract from outside main.',
          },
        ],
        [NOT_KEYTAR],
      ),
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restrict(
        [
          { regex: '^node:', message: 'The renderer is a sandboxed web page: no Node built-ins.' },
          { regex: '(^|/)main/', message: 'The renderer reaches main only through the bridge object on window.' },
          { regex: '(^|/)preload/(?!contract$)', message: 'The renderer may import only the contract from preload/.' },
          {
            regex: '(^|/)preload/contract$',
            allowTypeImports: true,
            message: 'The renderer imports the contract as types only (import type …).',
          },
        ],
        [NOT_KEYTAR],
      ),
    },
  },
  {
    files: ['preload/contract/**'],
    rules: {
      'no-restricted-imports': restrict([
        {
          regex: '^(?!\\./[\\w-]+$)',
          message: 'preload/contract/ imports only its own files, so every layer can use it.',
        },
      ]),
    },
  },
  {
    files: ['preload/bridge.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { regex: '^(?!\\./contract$)', message: 'preload/bridge.ts imports only the contract; both shells share it.' },
      ]),
    },
  },
);

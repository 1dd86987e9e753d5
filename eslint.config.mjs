// Lint checks correctness and, above all, the layering: which folder may import what.
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

const nodeBuiltins = { group: ['node:*'], message: 'This layer runs in the renderer or in both runtimes: no Node built-ins.' }
const electron = { name: 'electron', message: 'Only the Electron shell (src/main/*.ts) and the preload may import electron.' }

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'reports/**', 'test-results/**', 'bench-results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart']
    }
  },
  {
    files: ['src/**/*.{ts,tsx}', 'e2e/**/*.ts', 'tests/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' }
  },
  {
    // Mocks of third-party modules (electron) are loosely typed on purpose.
    files: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' }
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electron], patterns: [nodeBuiltins, { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'src/shared depends on nothing but itself.' }] }]
    }
  },
  {
    files: ['src/main/services/**/*.ts', 'src/main/cli/**/*.ts', 'src/main/web/**/*.ts', 'src/main/simulator/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electron], patterns: [{ group: ['**/renderer/**', '**/preload/**'], message: 'Main-process code cannot reach into the renderer or preload.' }] }]
    }
  },
  {
    // Tests of shared code run under Node and may read their fixtures from disk.
    files: ['src/shared/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' }
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [nodeBuiltins, { group: ['**/main/**', '**/renderer/**'], message: 'The preload sees only electron and src/shared.' }] }]
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [electron], patterns: [nodeBuiltins, { group: ['**/main/**', '**/preload/index', '**/preload/index.ts'], message: 'The renderer reaches main only through window.api (src/renderer/src/lib/api.ts).' }] }]
    }
  }
)

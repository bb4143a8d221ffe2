import tseslint from 'typescript-eslint';

const layering = (patterns) => ['error', { patterns }];
const layer = (names) => names.flatMap((n) => [`@/${n}/*`, `**/${n}/*`, `@/${n}`]);

// Test helpers live in `testing/` folders (and `*.testing.ts` / `*.arbitrary.ts` files); production code never imports them.
const testHelpers = { group: ['@/**/testing', '**/testing', '@/**/testing/*', '**/testing/*', '@/**/*.testing', '**/*.testing', '@/**/*.arbitrary', '**/*.arbitrary'], message: 'Test helpers are for tests only.' };
const testFiles = ['**/*.test.ts', '**/*.test.tsx', '**/*.spec.ts', '**/testing/**', '**/*.testing.ts', '**/*.arbitrary.ts', 'e2e/**', 'scripts/**'];

export default tseslint.config(
  { ignores: ['node_modules/**', '.next/**', 'data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  // Missed awaits: every query function is async (issue #20), and a call left unawaited would run
  // after the caller had answered, or its error go nowhere. Type-aware, so only where it matters.
  {
    files: ['db/**/*.ts', 'server/**/*.ts', 'server/**/*.tsx', 'app/**/*.ts', 'app/**/*.tsx', 'scripts/**/*.ts', 'lib/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  // The layering of DESIGN.md: imports point down only, app → components → server → db → lib.
  {
    files: ['lib/**/*.ts', 'lib/**/*.tsx'],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': layering([
        { group: layer(['db', 'server', 'app', 'components']), message: 'lib/ is pure: no db/, server/, app/ or components/ imports.' },
        { group: ['next', 'next/*', 'react', 'react-dom', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'], message: 'lib/ is pure: no Next.js, React or database imports.' },
        testHelpers,
      ]),
    },
  },
  {
    files: ['lib/**/*.test.ts', 'lib/**/testing/**', 'lib/**/*.testing.ts', 'lib/**/*.arbitrary.ts'],
    rules: {
      'no-restricted-imports': layering([
        { group: layer(['db', 'server', 'app', 'components']), message: 'lib/ is pure: no db/, server/, app/ or components/ imports.' },
        { group: ['next', 'next/*', 'react', 'react-dom', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'], message: 'lib/ is pure: no Next.js, React or database imports.' },
      ]),
    },
  },
  {
    files: ['db/**/*.ts'],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': layering([
        { group: layer(['server', 'app', 'components']), message: 'db/ speaks SQL for the layers above it and imports none of them.' },
        { group: ['next', 'next/*', 'react', 'react-dom'], message: 'db/ has no Next.js or React.' },
        testHelpers,
      ]),
    },
  },
  {
    files: ['server/**/*.ts', 'server/**/*.tsx'],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': layering([
        { group: layer(['app', 'components']), message: 'server/ sits below app/ and components/.' },
        testHelpers,
      ]),
    },
  },
  {
    files: ['components/**/*.ts', 'components/**/*.tsx'],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': layering([
        { group: layer(['app']), message: 'components/ sit below app/.' },
        { group: [...layer(['db']), 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'], message: 'components/ never import the database (not even its types: view types live in lib/); pass data in from app/.' },
        testHelpers,
      ]),
    },
  },
  {
    files: ['app/**/*.ts', 'app/**/*.tsx'],
    ignores: testFiles,
    rules: { 'no-restricted-imports': layering([testHelpers]) },
  },
  {
    files: ['scripts/**/*.ts'],
    rules: { 'no-restricted-imports': layering([{ group: layer(['app', 'components']), message: 'scripts/ call server/, db/ and lib/, never app/ or components/.' }]) },
  },
);

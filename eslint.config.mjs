import tseslint from 'typescript-eslint';

const layering = (patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['node_modules/**', '.next/**', 'data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  // The layering of DESIGN.md: lib/ is pure; components/ never touch the database.
  {
    files: ['lib/**/*.ts', 'lib/**/*.tsx'],
    rules: {
      'no-restricted-imports': layering([
        { group: ['@/db/*', '@/app/*', '@/components/*', '**/db/*', '**/app/*', '**/components/*'], message: 'lib/ is pure: no db/, app/ or components/ imports.' },
        { group: ['next', 'next/*', 'react', 'react-dom', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'], message: 'lib/ is pure: no Next.js, React or database imports.' },
      ]),
    },
  },
  {
    files: ['components/**/*.ts', 'components/**/*.tsx'],
    rules: {
      'no-restricted-imports': layering([
        { group: ['@/db/client', '@/db/queries/*', '**/db/client', '**/db/queries/*', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'], message: 'components/ never import the database; pass data in from app/.', allowTypeImports: true },
      ]),
    },
  },
);

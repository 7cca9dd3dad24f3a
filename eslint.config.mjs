import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const config = [
  { ignores: ['.next/**', '.next-*/**', 'node_modules/**', 'lib/db/generated/**', 'test-results/**', 'playwright-report/**', 'data/**', 'build/**', 'next-env.d.ts'] },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['log', 'warn', 'error'] }],
    },
  },
  {
    files: ['lib/inventory/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['next', 'next/*', 'react', 'react-dom', 'next-auth', 'next-auth/*'],
              message: 'The domain imports nothing from the framework: it must run in scripts and tests too.',
            },
            {
              group: ['@/lib/http', '@/lib/http/*', '@/lib/forms', '@/lib/forms/*', '**/http/*', '**/forms/*'],
              message: 'The domain does not know its doors: lib/http and lib/forms import lib/inventory, never the reverse.',
            },
          ],
        },
      ],
    },
  },
  {
    // Prisma stays out of app/ and components/: pages, actions, route handlers and components call lib.
    files: ['app/**/*.ts', 'app/**/*.tsx', 'components/**/*.ts', 'components/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@/lib/db/client', '@/lib/db/generated/*', '@prisma/*'] }],
    },
  },
];

export default config;

import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const config = [
  { ignores: ['.next/**', '.next-*/**', 'node_modules/**', 'lib/db/generated/**', 'test-results/**', 'playwright-report/**', 'data/**', 'next-env.d.ts'] },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['log', 'warn', 'error'] }],
    },
  },
  {
    // The domain imports nothing from the framework: it must run in scripts and tests too.
    files: ['lib/inventory/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['next', 'next/*', 'react', 'react-dom', 'next-auth', 'next-auth/*'] }],
    },
  },
  {
    // Prisma stays out of app/: pages, actions and route handlers call lib.
    files: ['app/**/*.ts', 'app/**/*.tsx', 'components/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@/lib/db/client', '@/lib/db/generated/*', '@prisma/*'] }],
    },
  },
];

export default config;

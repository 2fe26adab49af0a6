// Lint: typescript-eslint's type-checked recommendations plus a few type-aware rules that catch real
// mistakes (a switch missing a case, a deprecated API, a promise returned out of a try). Formatting is
// Prettier's job, layering is dependency-cruiser's (.dependency-cruiser.js).
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', '.data/', 'node_modules/'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A leading underscore marks a name kept on purpose: a parameter an interface requires, a field taken out by a rest pattern.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Async implementations of async ports (stop(), query()) need no await; the rule mostly flagged those.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      '@typescript-eslint/no-deprecated': 'error',
      '@typescript-eslint/no-unnecessary-boolean-literal-compare': 'error',
      '@typescript-eslint/prefer-readonly': 'error',
      eqeqeq: ['error', 'smart'],
      // It flags `keyof T & string`, which says on purpose that a key is text; no real finding here.
      '@typescript-eslint/no-redundant-type-constituents': 'off',
    },
  },
  {
    // Tests read HTTP bodies and rows typed `any` (supertest, pg, jest's matchers) and assert on them; typing each
    // read would add hundreds of casts that the assertions already check. Their data is plain, so String() is safe.
    files: ['**/*.spec.ts', '**/*.contract.ts', 'test/**/*.ts', '**/testing/**/*.ts'],
    rules: {
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

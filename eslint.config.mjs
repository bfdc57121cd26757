// Lint for every project. The rule that matters most here: Nx module boundaries, so the web never
// imports API code, libs import no app, and the domain lib imports nothing of ours.
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/generated.ts', 'data/**', 'tmp/**', '.nx/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
  {
    // Project code (not config files, which may reach the shared presets at the root).
    files: ['apps/*/src/**/*.{ts,tsx}', 'apps/*/test/**/*.{ts,tsx,mjs}', 'libs/*/src/**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:parser', onlyDependOnLibsWithTags: ['type:domain'] },
          ],
        },
      ],
    },
  },
  {
    // The web's floors: app/ is the shell (routes, layout, the i18n provider), shared/ the kit every
    // feature may use, features/<f>/ one feature each. shared/ stands on nothing of ours above it.
    files: ['apps/web/src/shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(app|features)(/|$)',
              message: 'shared/ is the kit features stand on: it may not import app/ or features/.',
            },
          ],
        },
      ],
    },
  },
  {
    // A feature imports another feature only through its public entry (`../<feature>`, its index.ts),
    // and of the shell only PageFallback (an area's own lazy routes show the shell's fallback). A route
    // may still lazy-load another feature's page module (`import('../admin-setup/UnitsPage')`): each
    // page is its own chunk, and this rule does not look at dynamic imports.
    files: ['apps/web/src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\.\\./\\.\\./app/(?!PageFallback$)', message: 'Features use the kit in shared/, not the shell (app/).' },
            {
              regex: '^\\.\\./[a-z-]+/',
              message: "Import another feature through its public entry ('../<feature>'), or move the piece to shared/.",
            },
          ],
        },
      ],
    },
  },
  {
    // Tests assemble the app: they may also mount the shell's I18nProvider and read the whole catalogue.
    files: ['apps/web/src/features/**/*.spec.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./\\.\\./app/(?!(PageFallback|i18n|catalogue)$)',
              message: 'Features use the kit in shared/, not the shell (app/).',
            },
            {
              regex: '^\\.\\./[a-z-]+/',
              message: "Import another feature through its public entry ('../<feature>'), or move the piece to shared/.",
            },
          ],
        },
      ],
    },
  },
  {
    // The API's ground floor: common/ holds what every feature stands on, so it imports no feature (nor
    // the app that composes them). A feature adds to common's Loaders by declaration merging instead.
    files: ['apps/api/src/common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // A sibling folder or file of common/ (../policy/..., ../features); ../../test/ is not one.
              regex: '^\\.\\./[^.]',
              message:
                'apps/api/src/common/ may not import a feature or the app: move the shared part into common/, or let the feature register it.',
            },
          ],
        },
      ],
    },
  },
  {
    // Where SQL lives (ARCHITECTURE.md): named functions in a feature's *.queries.ts; migrations and the
    // database set-up aside. A service holds rules and calls those functions, never `.query(` itself.
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/**/*.queries.ts', 'apps/api/src/database/**', 'apps/api/src/**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='query']",
          message: 'SQL lives in a *.queries.ts file (a named, typed function per question); call that function here.',
        },
      ],
    },
  },
  {
    // A feature uses another feature's data through that feature's query functions, not its services.
    // The services other features may call are operations, not data: recording an audit record, sending
    // a notice, evaluating progress (the one evaluation the dashboard, portfolio and supervision share).
    files: ['apps/api/src/*/**/*.ts'],
    ignores: ['apps/api/src/common/**', 'apps/api/src/database/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(?!audit/audit\\.service$|chasing/notices\\.service$|progress/progress\\.service$)[a-z-]+/.*\\.service$',
              message:
                "Read another feature's data through its *.queries.ts functions; only its operations (audit, notices, progress) are services to call.",
            },
            {
              regex: '^(\\.\\./)+dashboard/',
              message: 'The dashboard is a screen: what it shows is evaluated in progress/ — use that.',
            },
          ],
        },
      ],
    },
  },
);

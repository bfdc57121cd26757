import type { CodegenConfig } from '@graphql-codegen/cli';

// Paths are relative to the workspace root: run as `graphql-codegen --config apps/web/codegen.ts`
// from the repository root (the `web:codegen` Nx target does exactly that).
//
// Why no `typescript` plugin: typescript-operations 6.x is standalone and emits the schema enums
// and input types its operations use. Adding `typescript` to the same output file declares every
// enum twice (`export type Role = ...` x2) and tsc fails with "Duplicate identifier". We only need
// operation types on the client, so the full schema object types are not generated.
const config: CodegenConfig = {
  overwrite: true,
  schema: 'apps/api/schema.gql',
  documents: ['apps/web/src/**/*.graphql'],
  // Plain generated code: no prettier hook, so output depends only on schema + documents.
  generates: {
    'apps/web/src/graphql/generated.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        // Enums as string-literal unions, not TS enums: they erase at build time and match the
        // `as const` arrays in @luoshi/domain. (`enumsAsTypes` is the `typescript` plugin's name for
        // it; typescript-operations 6 calls it `enumType`.)
        enumType: 'string-literal',
        enumsAsTypes: true,
        useTypeImports: true,
        // Result fields are never optional in typescript-operations 6. Variables stay optional when
        // nullable, so callers do not have to pass `null` explicitly.
        avoidOptionals: { variableValue: false, inputValue: false, defaultValue: false },
        skipTypename: true,
        // The API sends DateTime as an ISO string (JSON has no dates); without this it types as unknown.
        scalars: { DateTime: 'string' },
        // Apollo re-exports the same TypedDocumentNode; importing it from @apollo/client avoids
        // depending on a package that is not in package.json.
        documentNodeImport: '@apollo/client#TypedDocumentNode',
      },
    },
  },
};

export default config;

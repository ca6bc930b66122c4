import { defineConfig } from 'drizzle-kit';

// Only `generate` runs from here (it needs no database); migrations are applied by src/db/migrate.ts.
export default defineConfig({
  dialect: 'mysql',
  schema: './src/db/schema.ts',
  out: './src/db/migrations',
  casing: undefined,
});

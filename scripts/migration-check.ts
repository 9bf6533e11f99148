/** Fails (exit 1) when entities and migrations drift apart. Run through `npm run migration:check`. */
import 'reflect-metadata';
import { schemaDrift } from '../apps/api/src/database/schema-drift';

schemaDrift(process.env.DATABASE_URL!).then(
  (queries) => {
    if (queries.length === 0) {
      process.stdout.write('Migrations match the entities.\n');
      return process.exit(0);
    }
    process.stderr.write(`Entities and migrations differ; generate a migration. Missing:\n${queries.join(';\n')}\n`);
    process.exit(1);
  },
  (error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  },
);

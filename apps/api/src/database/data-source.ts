import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { typeOrmOptions } from './typeorm-options';

/**
 * Standalone data source for the TypeORM CLI (`npm run migration:*`). `scripts/with-db.js`
 * sets DATABASE_URL, starting the embedded PostgreSQL when none is configured.
 */
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set; run through `npm run migration:*`, which provides it.');

export default new DataSource(typeOrmOptions(url));

import { Foundation1795746313877 } from './1795746313877-Foundation';

/** Every migration, in order. `npm run migration:generate` writes a new file; add it here. */
export const MIGRATIONS = [Foundation1795746313877];

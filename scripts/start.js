// `npm start`: the built API with demo data on by default (API.md: SEED_DEMO is true for npm start).
process.env.SEED_DEMO ??= 'true';
require('../dist/apps/api/src/main');

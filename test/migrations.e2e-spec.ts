import { schemaDrift } from '../apps/api/src/database/schema-drift';

describe('Migrations', () => {
  it('bring an empty database exactly to the schema the entities describe (no drift)', async () => {
    expect(await schemaDrift(process.env.TEST_SERVER_URL!)).toEqual([]);
  });
});

import { documentPaths } from './documents';

describe('documentPaths', () => {
  it('names the API routes of the documents', () => {
    expect(documentPaths.invoice('h1', '2026-12')).toBe('/statements/hospitals/h1/2026-12.pdf');
    expect(documentPaths.statement('v1', '2026-12')).toBe('/statements/volunteers/v1/2026-12.pdf');
    expect(documentPaths.activityReport('v1')).toBe('/volunteers/v1/activity.pdf');
  });
});

/**
 * Where the printable documents (PDF) are (apps/api/src/documents): a hospital's invoice and a
 * volunteer's statement of a month, a volunteer's activity report of a fiscal year.
 */
export const documentPaths = {
  invoice: (hospitalId: string, month: string) => `/statements/hospitals/${hospitalId}/${month}.pdf`,
  statement: (volunteerId: string, month: string) => `/statements/volunteers/${volunteerId}/${month}.pdf`,
  activityReport: (volunteerId: string) => `/volunteers/${volunteerId}/activity.pdf`,
};

import type { ResourceDefinition } from './types';
import auditLog from './audit-log';
import courses from './courses';
import dispatches from './dispatches';
import hospitals from './hospitals';
import mail from './mail';
import offers from './offers';
import reports from './reports';
import requests from './requests';
import users from './users';
import volunteers from './volunteers';

/**
 * The resources of the panel, by API path. Who may open them is in access.ts; the menu and the
 * pages follow it. Courses, statements… are added here as folders.
 */
export const resources: Record<string, ResourceDefinition> = {
  requests,
  reports,
  hospitals,
  volunteers,
  courses,
  offers,
  dispatches,
  users,
  mail,
  'audit-log': auditLog,
};

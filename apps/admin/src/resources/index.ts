import type { ResourceDefinition } from './types';
import dispatches from './dispatches';
import offers from './offers';
import requests from './requests';
import users from './users';

/**
 * The resources of the panel, by API path. Who may open them is in access.ts; the menu and the
 * pages follow it. Hospitals, volunteers, courses, requests… are added here as folders.
 */
export const resources: Record<string, ResourceDefinition> = {
  requests,
  offers,
  dispatches,
  users,
};

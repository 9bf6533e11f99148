import englishMessages from 'ra-language-english';
import { fieldErrorWordsEn } from './field-errors';
import type { TranslationMessages } from 'ra-core';
import { deepMerge } from './deep-merge';
import { afterVisitEn } from './after-visit-en';
import { coursesEn } from './courses-en';
import { registryEn } from './registry-en';
import { operationsEn } from './operations-en';
import { workflowEn } from './workflow-en';
import { rosterEn } from './roster-en';
import { twoFactorEn } from './two-factor-en';
import { accountsEn } from './accounts-en';
import { calendarFeedEn } from './calendar-feed-en';
import { shadowingEn } from './shadowing-en';
import { volunteerDayEn } from './volunteer-day-en';
import { deskEn } from './desk-en';
import { staffDeskEn } from './staff-desk-en';
import { registryDeskEn } from './registry-desk-en';
import { documentsEn } from './documents-en';

/** English. Same keys as ja.ts (a spec checks they match). */
const app = {
  name: 'Medical interpreter dispatch',
  title: {
    admin: 'Interpreter dispatch admin',
    staff: 'Interpreter dispatch admin',
    coordinator: 'Interpreter dispatch for hospitals',
    volunteer: 'Medical interpreter volunteers',
  },
  menu: { dashboard: 'Dashboard', profile: 'Profile', language: 'Language' },
  role: {
    admin: 'Administrator',
    staff: 'Staff',
    coordinator: 'Hospital coordinator',
    volunteer: 'Volunteer interpreter',
  },
  locale: { ja: '日本語', en: 'English' },
  login: { subtitle: 'Medical interpreter volunteer dispatch' },
  dashboard: {
    title: 'Dashboard',
    welcome: 'Welcome, %{name}',
    signed_in_as: 'Signed in as %{role}',
    today: 'Today',
    fiscal_year: 'Fiscal year',
    coming_soon: 'Coming soon',
    coming_soon_hint: 'This feature arrives in a coming release.',
    panels: {
      today: 'Today',
      tomorrow: 'Tomorrow',
      lapse: { pledge: 'Pledge', insurance: 'Insurance', training: 'Training' },
    },
    cards: {
      my_requests_hint: 'Requests you have filed',
      new_request_hint: 'Done in a minute',
      offers_hint: 'Waiting for your answer',
      dispatches_hint: 'Confirmed visits to come',
      my_requests: "Your hospital's requests",
      new_request: 'New interpretation request',
      offers: 'Offers for you',
      dispatches: 'Upcoming dispatches',
      availability: 'Your availability',
      training: 'Training record',
    },
  },
  profile: {
    title: 'Profile',
    account: 'Account',
    language_hint: 'Used for the screens and for your e-mail.',
    saved: 'Profile saved',
  },
  access_denied: {
    title: 'You cannot open this page',
    message: 'Your role does not allow this page. Ask an administrator if you need it.',
    back: 'Back to the dashboard',
  },
  users: {
    active: 'Active',
    inactive: 'Inactive',
    deactivate: 'Deactivate',
    reactivate: 'Reactivate',
    deactivate_confirm_title: 'Deactivate %{name}?',
    deactivate_confirm_content: 'They are signed out at once and cannot sign in until reactivated.',
    reactivate_confirm_title: 'Reactivate %{name}?',
    reactivate_confirm_content: 'They will be able to sign in again.',
    password_hint:
      'At least 10 characters and hard to guess (a few uncommon words together work well). Leave empty to send an invitation to set one.',
    hospital_hint: 'A hospital coordinator needs the ID of their hospital.',
    volunteer_hint: 'A volunteer account is linked to a volunteer record ID.',
    all_roles: 'All roles',
  },
  errors: {
    with_request_id: '%{message} (request id: %{requestId})',
    network: 'The server cannot be reached. Check the connection and try again.',
    session_ended: 'Your session has ended. Please sign in again.',
    codes: {
      INVALID_CREDENTIALS: 'Wrong e-mail or password',
      TOO_MANY_REQUESTS: 'Too many attempts; wait a moment and try again',
      UNAUTHENTICATED: 'Please sign in',
      FORBIDDEN: 'Your role does not allow this',
      NOT_FOUND: 'Not found',
      VALIDATION_FAILED: 'Please check the form',
      BAD_REQUEST: 'Please check the form',
      CONFLICT: 'This clashes with another change',
      CONCURRENT_UPDATE: 'Someone changed this at the same moment; try again',
      EMAIL_TAKEN: 'An account with this e-mail already exists',
      WEAK_PASSWORD: 'This password is too easy to guess',
      INTERNAL_ERROR: 'Something went wrong on the server',
      SERVICE_UNAVAILABLE: 'The server is unavailable for a moment',
    },
  },
};

export const enMessages: TranslationMessages = {
  ra: {
    ...englishMessages.ra,
    auth: { ...englishMessages.ra.auth, username: 'E-mail' },
  },
  app: deepMerge<TranslationMessages>(
    app,
    workflowEn.app,
    afterVisitEn.app,
    coursesEn.app,
    registryEn.app,
    operationsEn.app,
    rosterEn.app,
    twoFactorEn.app,
    accountsEn.app,
    calendarFeedEn.app,
    shadowingEn.app,
    volunteerDayEn.app,
    deskEn.app,
    staffDeskEn.app,
    registryDeskEn.app,
    documentsEn.app,
    {
      errors: {
        codes: {
          ...workflowEn.errorCodes,
          ...afterVisitEn.errorCodes,
          ...coursesEn.errorCodes,
          ...rosterEn.errorCodes,
          ...accountsEn.errorCodes,
          ...twoFactorEn.errorCodes,
          ...registryDeskEn.errorCodes,
        },
        fields: fieldErrorWordsEn,
      },
    },
  ),
  resources: {
    ...workflowEn.resources,
    ...afterVisitEn.resources,
    ...coursesEn.resources,
    ...registryEn.resources,
    ...operationsEn.resources,
    users: {
      name: 'User |||| Users',
      fields: {
        email: 'E-mail',
        displayName: 'Display name',
        role: 'Role',
        locale: 'Language',
        active: 'Status',
        password: 'Password',
        hospitalId: 'Hospital ID',
        volunteerId: 'Volunteer ID',
        q: 'Search',
      },
    },
  },
};

import { ROLES } from '../../access';

export const roleChoices = ROLES.map((id) => ({ id, name: `app.role.${id}` }));
export const localeChoices = [
  { id: 'ja', name: 'app.locale.ja' },
  { id: 'en', name: 'app.locale.en' },
];

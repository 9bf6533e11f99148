import { LOCALES } from '@app/domain/model';
import { ROLES } from '../../access';

export const roleChoices = ROLES.map((id) => ({ id, name: `app.role.${id}` }));
export const localeChoices = LOCALES.map((id) => ({ id, name: `app.locale.${id}` }));

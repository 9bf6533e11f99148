import { Create } from 'react-admin';
import { toVolunteerBody } from './volunteer-body';
import { VolunteerForm } from './VolunteerForm';

/** Register a volunteer interpreter (POST /api/volunteers); their page opens afterwards. */
export const VolunteerCreate = () => (
  <Create redirect="show" transform={(data: Record<string, unknown>) => toVolunteerBody(data)}>
    <VolunteerForm />
  </Create>
);

import { Edit, ShowButton, TopToolbar } from 'react-admin';
import { toVolunteerBody } from './volunteer-body';
import { VolunteerForm } from './VolunteerForm';

const Actions = () => (
  <TopToolbar>
    <ShowButton />
  </TopToolbar>
);

/** Pessimistic: the API may refuse (a level change without a reason…), and says on which field. */
export const VolunteerEdit = () => (
  <Edit
    mutationMode="pessimistic"
    redirect="show"
    actions={<Actions />}
    transform={(data: Record<string, unknown>, options?: { previousData?: Record<string, unknown> }) =>
      toVolunteerBody(data, options?.previousData)
    }
  >
    <VolunteerForm />
  </Edit>
);

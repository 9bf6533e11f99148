import { Edit, ShowButton, TopToolbar } from 'react-admin';
import { HospitalForm, toHospitalBody } from './HospitalForm';

const Actions = () => (
  <TopToolbar>
    <ShowButton />
  </TopToolbar>
);

/** PATCH /api/hospitals/:id, pessimistic so the API's field errors land on the inputs. */
export const HospitalEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" actions={<Actions />} transform={toHospitalBody}>
    <HospitalForm />
  </Edit>
);

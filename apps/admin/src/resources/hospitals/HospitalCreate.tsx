import { Create } from 'react-admin';
import { HospitalForm, toHospitalBody } from './HospitalForm';

/** Register a partner hospital (POST /api/hospitals); its page opens to add coordinators. */
export const HospitalCreate = () => (
  <Create redirect="show" transform={toHospitalBody}>
    <HospitalForm />
  </Create>
);

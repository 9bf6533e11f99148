import LocalHospitalIcon from '@mui/icons-material/LocalHospital';
import type { ResourceDefinition } from '../types';
import { HospitalCreate } from './HospitalCreate';
import { HospitalEdit } from './HospitalEdit';
import { HospitalList } from './HospitalList';
import { HospitalShow } from './HospitalShow';

/** Partner hospitals (協力医療機関), on /api/hospitals: staff register and edit them and add coordinators. */
const hospitals: ResourceDefinition = {
  list: HospitalList,
  create: HospitalCreate,
  edit: HospitalEdit,
  show: HospitalShow,
  icon: LocalHospitalIcon,
  recordRepresentation: 'name',
};

export default hospitals;

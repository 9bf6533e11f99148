import LocalHospitalIcon from '@mui/icons-material/LocalHospital';
import { lazyPage } from '../../lib/lazy-page';
import type { ResourceDefinition } from '../types';

const HospitalCreate = lazyPage(() => import('./HospitalCreate').then((m) => m.HospitalCreate));
const HospitalEdit = lazyPage(() => import('./HospitalEdit').then((m) => m.HospitalEdit));
const HospitalList = lazyPage(() => import('./HospitalList').then((m) => m.HospitalList));
const HospitalShow = lazyPage(() => import('./HospitalShow').then((m) => m.HospitalShow));

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

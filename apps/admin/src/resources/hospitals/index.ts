import LocalHospitalIcon from '@mui/icons-material/LocalHospital';
import type { ResourceDefinition } from '../types';
import { HospitalList } from './HospitalList';
import { HospitalShow } from './HospitalShow';

/** Partner hospitals (協力医療機関), on /api/hospitals: read-only for now. */
const hospitals: ResourceDefinition = { list: HospitalList, show: HospitalShow, icon: LocalHospitalIcon, recordRepresentation: 'name' };

export default hospitals;

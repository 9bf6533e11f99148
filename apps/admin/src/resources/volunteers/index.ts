import RecordVoiceOverIcon from '@mui/icons-material/RecordVoiceOver';
import { lazyPage } from '../../lib/lazy-page';
import type { ResourceDefinition } from '../types';

const VolunteerCreate = lazyPage(() => import('./VolunteerCreate').then((m) => m.VolunteerCreate));
const VolunteerEdit = lazyPage(() => import('./VolunteerEdit').then((m) => m.VolunteerEdit));
const VolunteerList = lazyPage(() => import('./VolunteerList').then((m) => m.VolunteerList));
const VolunteerShow = lazyPage(() => import('./VolunteerShow').then((m) => m.VolunteerShow));

/** Volunteer interpreters (通訳ボランティア), on /api/volunteers: staff register and edit them. */
const volunteers: ResourceDefinition = {
  list: VolunteerList,
  create: VolunteerCreate,
  edit: VolunteerEdit,
  show: VolunteerShow,
  icon: RecordVoiceOverIcon,
  recordRepresentation: 'displayName',
};

export default volunteers;

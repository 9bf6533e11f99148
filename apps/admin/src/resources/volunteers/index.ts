import RecordVoiceOverIcon from '@mui/icons-material/RecordVoiceOver';
import type { ResourceDefinition } from '../types';
import { VolunteerCreate } from './VolunteerCreate';
import { VolunteerEdit } from './VolunteerEdit';
import { VolunteerList } from './VolunteerList';
import { VolunteerShow } from './VolunteerShow';

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

import RecordVoiceOverIcon from '@mui/icons-material/RecordVoiceOver';
import type { ResourceDefinition } from '../types';
import { VolunteerList } from './VolunteerList';
import { VolunteerShow } from './VolunteerShow';

/** Volunteer interpreters (通訳ボランティア), on /api/volunteers: read-only for now. */
const volunteers: ResourceDefinition = { list: VolunteerList, show: VolunteerShow, icon: RecordVoiceOverIcon, recordRepresentation: 'displayName' };

export default volunteers;

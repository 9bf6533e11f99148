import MailIcon from '@mui/icons-material/Mail';
import type { ResourceDefinition } from '../types';
import { MailList } from './MailList';

/** Mail kept by the app (outbox and sent), on /api/mail: staff read them (see access.ts). */
const mail: ResourceDefinition = { list: MailList, icon: MailIcon };

export default mail;

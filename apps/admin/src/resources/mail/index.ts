import MailIcon from '@mui/icons-material/Mail';
import { lazyPage } from '../../lib/lazy-page';
import type { ResourceDefinition } from '../types';

const MailList = lazyPage(() => import('./MailList').then((m) => m.MailList));

/** Mail kept by the app (outbox and sent), on /api/mail: staff read them (see access.ts). */
const mail: ResourceDefinition = { list: MailList, icon: MailIcon };

export default mail;

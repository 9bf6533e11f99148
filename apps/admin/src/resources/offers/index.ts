import MailOutlinedIcon from '@mui/icons-material/MailOutlined';
import { lazyPage } from '../../lib/lazy-page';
import type { ResourceDefinition } from '../types';

const OfferList = lazyPage(() => import('./OfferList').then((m) => m.OfferList));

/** A volunteer's offers (依頼の打診), on /api/offers. */
const offers: ResourceDefinition = { list: OfferList, icon: MailOutlinedIcon };

export default offers;

import MailOutlinedIcon from '@mui/icons-material/MailOutlined';
import type { ResourceDefinition } from '../types';
import { OfferList } from './OfferList';

/** A volunteer's offers (依頼の打診), on /api/offers. */
const offers: ResourceDefinition = { list: OfferList, icon: MailOutlinedIcon };

export default offers;

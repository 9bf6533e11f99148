import HowToRegIcon from '@mui/icons-material/HowToReg';
import { lazyPage } from '../../lib/lazy-page';
import type { ResourceDefinition } from '../types';

const DispatchList = lazyPage(() => import('./DispatchList').then((m) => m.DispatchList));

/** A volunteer's dispatches (派遣予定), on /api/dispatches. */
const dispatches: ResourceDefinition = { list: DispatchList, icon: HowToRegIcon };

export default dispatches;

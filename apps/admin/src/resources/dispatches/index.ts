import HowToRegIcon from '@mui/icons-material/HowToReg';
import { lazyPage } from '../../lib/lazy-page';
import type { ResourceDefinition } from '../types';

const DispatchList = lazyPage(() => import('./DispatchList').then((m) => m.DispatchList));
const DispatchShow = lazyPage(() => import('./DispatchShow').then((m) => m.DispatchShow));

/** A volunteer's dispatches (派遣予定), on /api/dispatches. */
const dispatches: ResourceDefinition = { list: DispatchList, show: DispatchShow, icon: HowToRegIcon };

export default dispatches;

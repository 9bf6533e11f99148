import HowToRegIcon from '@mui/icons-material/HowToReg';
import type { ResourceDefinition } from '../types';
import { DispatchList } from './DispatchList';
import { DispatchShow } from './DispatchShow';

/** A volunteer's dispatches (派遣予定), on /api/dispatches. */
const dispatches: ResourceDefinition = { list: DispatchList, show: DispatchShow, icon: HowToRegIcon };

export default dispatches;

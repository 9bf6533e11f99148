import HowToRegIcon from '@mui/icons-material/HowToReg';
import type { ResourceDefinition } from '../types';
import { DispatchList } from './DispatchList';

/** A volunteer's dispatches (派遣予定), on /api/dispatches. */
const dispatches: ResourceDefinition = { list: DispatchList, icon: HowToRegIcon };

export default dispatches;

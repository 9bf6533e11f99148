import RateReviewIcon from '@mui/icons-material/RateReview';
import type { ResourceDefinition } from '../types';
import { ReportList } from './ReportList';

/** Activity reports (活動報告), on /api/reports: staff review them. Volunteers file theirs under a dispatch. */
const reports: ResourceDefinition = { list: ReportList, icon: RateReviewIcon };

export default reports;

import RateReviewIcon from '@mui/icons-material/RateReview';
import { lazyPage } from '../../lib/lazy-page';
import type { ResourceDefinition } from '../types';

const ReportList = lazyPage(() => import('./ReportList').then((m) => m.ReportList));

/** Activity reports (活動報告), on /api/reports: staff review them. Volunteers file theirs under a dispatch. */
const reports: ResourceDefinition = { list: ReportList, icon: RateReviewIcon };

export default reports;

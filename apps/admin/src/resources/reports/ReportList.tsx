import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import SupportAgentIcon from '@mui/icons-material/SupportAgent';
import {
  Box,
  Button,
  Card,
  CardActions,
  CardContent,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import {
  List,
  Loading,
  Pagination,
  RecordContextProvider,
  ReferenceField,
  SelectInput,
  TextField,
  useCanAccess,
  useListContext,
  useNotify,
  useTranslate,
} from 'react-admin';
import { useApiAction } from '../../lib/use-api-action';
import { choices, enumKey, REVIEW_STATUSES } from '../../lib/workflow-choices';
import { ReportDetails, ReportFlags } from './ReportDetails';
import { REVIEW_STATUS_COLOR, type ReportRecord } from './types';
import { PracticumQueue } from './PracticumQueue';

type Decision = 'reviewed' | 'follow_up';

/** Mark a report reviewed (final) or for follow-up, with an optional comment, after a confirmation. */
const ReviewActions = ({ report }: { report: ReportRecord }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const { canAccess } = useCanAccess({ resource: 'reports', action: 'review' });
  const [decision, setDecision] = useState<Decision | null>(null);
  const [comment, setComment] = useState('');
  const review = useApiAction<{ id: string; status: Decision; comment?: string }>(
    (body) => `/reports/${body.id}/review`,
    {
      onSuccess: (_result, body) => {
        setDecision(null);
        setComment('');
        notify(`app.reports.review.done_${body.status}`, { type: 'success' });
      },
    },
  );
  if (!canAccess || report.reviewStatus === 'reviewed') return null;
  return (
    <>
      <Button variant="contained" startIcon={<CheckCircleIcon />} onClick={() => setDecision('reviewed')}>
        {translate('app.reports.review.reviewed')}
      </Button>
      {report.reviewStatus === 'pending' && (
        <Button color="error" startIcon={<SupportAgentIcon />} onClick={() => setDecision('follow_up')}>
          {translate('app.reports.review.follow_up')}
        </Button>
      )}
      <Dialog open={decision !== null} onClose={() => setDecision(null)} fullWidth maxWidth="xs">
        <DialogTitle>{decision && translate(`app.reports.review.title_${decision}`)}</DialogTitle>
        <DialogContent>
          <DialogContentText>{decision && translate(`app.reports.review.content_${decision}`)}</DialogContentText>
          <MuiTextField
            fullWidth
            multiline
            margin="normal"
            label={translate('app.reports.review.comment')}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            slotProps={{ htmlInput: { maxLength: 2000 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDecision(null)}>{translate('ra.action.cancel')}</Button>
          <Button
            variant="contained"
            disabled={review.isPending}
            onClick={() =>
              decision &&
              review.mutate({ id: report.id, status: decision, ...(comment.trim() ? { comment: comment.trim() } : {}) })
            }
          >
            {translate('ra.action.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};

const ReportCard = ({ report }: { report: ReportRecord }) => {
  const translate = useTranslate();
  return (
    <RecordContextProvider value={report}>
      <Card component="article" data-testid="report" data-flagged={report.flagged ? 'true' : undefined}>
        <CardContent sx={{ display: 'grid', gap: 1 }}>
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
            <Typography variant="h6" component="h2" sx={{ fontSize: '1.05rem', mr: 'auto' }}>
              <ReferenceField source="volunteerId" reference="volunteers" link="show">
                <TextField source="displayName" variant="h6" sx={{ fontSize: '1.05rem' }} />
              </ReferenceField>
            </Typography>
            <ReportFlags report={report} />
            <Chip
              size="small"
              color={REVIEW_STATUS_COLOR[report.reviewStatus]}
              label={translate(enumKey('review_status', report.reviewStatus))}
            />
          </Box>
          <ReportDetails report={report} />
        </CardContent>
        <CardActions sx={{ px: 2, pb: 2, flexWrap: 'wrap', gap: 1 }}>
          <ReviewActions report={report} />
        </CardActions>
      </Card>
    </RecordContextProvider>
  );
};

const ReportCards = () => {
  const translate = useTranslate();
  const { data, isPending } = useListContext<ReportRecord>();
  if (isPending) return <Loading />;
  if (!data?.length)
    return (
      <Typography sx={{ p: 2 }} color="text.secondary">
        {translate('app.reports.queue_empty')}
      </Typography>
    );
  return (
    <Box sx={{ display: 'grid', gap: 2, p: { xs: 0, sm: 1 } }}>
      {data.map((report) => (
        <ReportCard key={report.id} report={report} />
      ))}
    </Box>
  );
};

const filters = [
  <SelectInput key="reviewStatus" source="reviewStatus" choices={choices('review_status', REVIEW_STATUSES)} alwaysOn />,
];

/** Staff's review queue: pending reports, flagged first (the API orders them), then oldest first. */
export const ReportList = () => (
  <>
    <PracticumQueue />
    <List
      title="app.reports.queue_title"
      filters={filters}
      filterDefaultValues={{ reviewStatus: 'pending' }}
      perPage={25}
      exporter={false}
      empty={false}
      pagination={<Pagination rowsPerPageOptions={[25]} />}
      sx={{ '& .RaList-content': { bgcolor: 'transparent', boxShadow: 'none' } }}
    >
      <ReportCards />
    </List>
  </>
);

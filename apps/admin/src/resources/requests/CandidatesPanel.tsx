import { type CandidateContact, isOpen } from '@app/domain/model';
import SendIcon from '@mui/icons-material/Send';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  Chip,
  Dialog,
  DialogActions,
  Link,
  DialogContent,
  DialogContentText,
  DialogTitle,
  List,
  ListItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Loading, useNotify, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { formatDateTime } from '@app/domain/model';
import { useDisplayLocale } from '../../lib/use-display-locale';
import { useApiAction } from '../../lib/use-api-action';
import { enumKey, SCORE_PARTS } from '../../lib/workflow-choices';
import { apiClient } from '../../providers';
import type { RequestRecord } from './fields';
import { OFFER_STATUS_COLOR, PhoneLink } from './OfferHistoryPanel';

interface Eligible extends CandidateContact {
  volunteerId: string;
  displayName: string;
  score: number;
  parts: Record<string, number>;
  reasons: string[];
}
interface Excluded extends CandidateContact {
  volunteerId: string;
  displayName: string;
  reasons: string[];
}
interface RankResult {
  eligible: Eligible[];
  excluded: Excluded[];
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Assign one volunteer without an offer; someone a rule excludes needs a reason on record. */
const AssignDialog = ({
  request,
  volunteer,
  override,
  onClose,
}: {
  request: RequestRecord;
  volunteer: { volunteerId: string; displayName: string };
  override: boolean;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [reason, setReason] = useState('');
  const assign = useApiAction<{ id: string; volunteerId: string; overrideReason?: string }>(
    (body) => `/requests/${body.id}/assign`,
    {
      onSuccess: () => {
        notify('app.candidates.assigned', { type: 'success' });
        onClose();
      },
    },
  );
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs">
      <DialogTitle>{translate('app.candidates.assign_title', { name: volunteer.displayName })}</DialogTitle>
      <DialogContent>
        <DialogContentText>
          {translate(override ? 'app.candidates.assign_override_content' : 'app.candidates.assign_content')}
        </DialogContentText>
        <TextField
          fullWidth
          multiline
          margin="normal"
          required={override}
          label={translate(override ? 'app.candidates.override_reason_required' : 'app.candidates.override_reason')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button
          variant="contained"
          disabled={(override && !reason.trim()) || assign.isPending}
          onClick={() =>
            assign.mutate({
              id: request.id,
              volunteerId: volunteer.volunteerId,
              ...(reason.trim() ? { overrideReason: reason.trim() } : {}),
            })
          }
        >
          {translate('ra.action.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/** The candidate's name (a link to the volunteer), phone, and whether and when they were asked. */
const Contact = ({ candidate, muted }: { candidate: Eligible | Excluded; muted?: boolean }) => {
  const translate = useTranslate();
  const locale = useDisplayLocale();
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 1.5, rowGap: 0.5 }}>
      <Link
        component={RouterLink}
        to={`/volunteers/${candidate.volunteerId}/show`}
        color={muted ? 'text.secondary' : 'primary'}
      >
        {candidate.displayName}
      </Link>
      <PhoneLink phone={candidate.phone} />
      {candidate.offer && (
        <Chip
          size="small"
          data-testid="candidate-offer"
          color={OFFER_STATUS_COLOR[candidate.offer.status] ?? 'default'}
          label={translate('app.desk.candidates.offer', {
            status: translate(enumKey('offer_status', candidate.offer.status)),
            when: formatDateTime(candidate.offer.sentAt, locale),
          })}
        />
      )}
    </Box>
  );
};

const ScoreParts = ({ parts }: { parts: Record<string, number> }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, mt: 0.5 }}>
      {SCORE_PARTS.filter((part) => (parts[part] ?? 0) !== 0).map((part) => (
        <Chip
          key={part}
          size="small"
          variant="outlined"
          label={`${translate(enumKey('score_part', part))} +${round(parts[part])}`}
        />
      ))}
    </Box>
  );
};

/**
 * Staff's candidate picker: the ranked eligible volunteers with their score and its parts, the
 * others with every rule they fail; offers to the chosen ones, or a direct assignment.
 */
export const CandidatesPanel = ({ request }: { request: RequestRecord }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [chosen, setChosen] = useState<string[]>([]);
  const [assigning, setAssigning] = useState<{ volunteerId: string; displayName: string; override: boolean } | null>(
    null,
  );
  const { data, isPending, error } = useQuery({
    queryKey: ['requests', request.id, 'candidates', request.status],
    queryFn: () => apiClient.request<RankResult>(`/requests/${request.id}/candidates`),
  });
  const send = useApiAction<{ id: string; volunteerIds: string[] }, { sent: number }>(
    (body) => `/requests/${body.id}/offers`,
    {
      onSuccess: (result) => {
        setChosen([]);
        notify(result.sent > 0 ? 'app.candidates.sent' : 'app.candidates.sent_none', {
          type: result.sent > 0 ? 'success' : 'info',
          messageArgs: { smart_count: result.sent },
        });
      },
    },
  );
  const open = isOpen(request.status);
  const toggle = (id: string) => setChosen((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  if (isPending) return <Loading />;
  if (error) return <Alert severity="error">{error.message}</Alert>;
  return (
    <Card component="section" aria-label={translate('app.candidates.title')}>
      <CardContent>
        <Typography variant="h6" component="h2">
          {translate('app.candidates.title')}
        </Typography>
        {!open && (
          <Alert severity="info" sx={{ my: 1 }}>
            {translate('app.candidates.not_open')}
          </Alert>
        )}
        <Typography variant="subtitle1" component="h3" sx={{ mt: 1 }}>
          {translate('app.candidates.eligible')}
        </Typography>
        {data.eligible.length === 0 && (
          <Typography color="text.secondary">{translate('app.candidates.none_eligible')}</Typography>
        )}
        <List dense disablePadding>
          {data.eligible.map((candidate, index) => (
            <ListItem
              key={candidate.volunteerId}
              divider
              disableGutters
              sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}
              data-testid="eligible-candidate"
            >
              {/* Already asked and not yet answered: sending again would do nothing, so no box to tick. */}
              {open && candidate.offer?.status === 'pending' && <Box sx={{ width: 42, flex: 'none' }} />}
              {open && candidate.offer?.status !== 'pending' && (
                <Checkbox
                  edge="start"
                  checked={chosen.includes(candidate.volunteerId)}
                  onChange={() => toggle(candidate.volunteerId)}
                  slotProps={{ input: { 'aria-label': candidate.displayName } }}
                />
              )}
              <Box sx={{ flex: '1 1 180px', minWidth: 0, pt: 1 }}>
                <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
                  <Typography component="span">{index + 1}.</Typography>
                  <Contact candidate={candidate} />
                  <Typography component="span" color="primary" fontWeight="bold">
                    {translate('app.candidates.score', { score: round(candidate.score) })}
                  </Typography>
                </Box>
                <ScoreParts parts={candidate.parts} />
              </Box>
              {open && (
                <Button size="small" sx={{ mt: 0.5 }} onClick={() => setAssigning({ ...candidate, override: false })}>
                  {translate('app.candidates.assign')}
                </Button>
              )}
            </ListItem>
          ))}
        </List>
        {open && data.eligible.length > 0 && (
          <Stack direction="row" sx={{ mt: 1 }}>
            <Button
              variant="contained"
              startIcon={<SendIcon />}
              disabled={chosen.length === 0 || send.isPending}
              onClick={() => send.mutate({ id: request.id, volunteerIds: chosen })}
            >
              {translate('app.candidates.send_offers', { smart_count: chosen.length })}
            </Button>
          </Stack>
        )}
        <Typography variant="subtitle1" component="h3" sx={{ mt: 2 }}>
          {translate('app.candidates.excluded')}
        </Typography>
        {data.excluded.length === 0 && (
          <Typography color="text.secondary">{translate('app.candidates.none_excluded')}</Typography>
        )}
        <List dense disablePadding>
          {data.excluded.map((candidate) => (
            <ListItem
              key={candidate.volunteerId}
              divider
              disableGutters
              sx={{ flexWrap: 'wrap', gap: 1 }}
              data-testid="excluded-candidate"
            >
              <Box sx={{ flex: '1 1 180px', minWidth: 0 }}>
                <Contact candidate={candidate} muted />
                <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, mt: 0.5 }}>
                  {candidate.reasons.map((code) => (
                    <Chip
                      key={code}
                      size="small"
                      color="warning"
                      variant="outlined"
                      label={translate(enumKey('exclusion', code), { _: code })}
                    />
                  ))}
                </Box>
              </Box>
              {open && (
                <Button size="small" color="warning" onClick={() => setAssigning({ ...candidate, override: true })}>
                  {translate('app.candidates.assign')}
                </Button>
              )}
            </ListItem>
          ))}
        </List>
      </CardContent>
      {assigning && (
        <AssignDialog
          request={request}
          volunteer={assigning}
          override={assigning.override}
          onClose={() => setAssigning(null)}
        />
      )}
    </Card>
  );
};

import { isOpen } from '@app/domain/model';
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
import { useApiAction } from '../../lib/use-api-action';
import { enumKey, SCORE_PARTS } from '../../lib/workflow-choices';
import { apiClient } from '../../providers';
import type { RequestRecord } from './fields';

interface Eligible {
  volunteerId: string;
  displayName: string;
  score: number;
  parts: Record<string, number>;
  reasons: string[];
}
interface Excluded {
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
              {open && (
                <Checkbox
                  edge="start"
                  checked={chosen.includes(candidate.volunteerId)}
                  onChange={() => toggle(candidate.volunteerId)}
                  slotProps={{ input: { 'aria-label': candidate.displayName } }}
                />
              )}
              <Box sx={{ flex: '1 1 180px', minWidth: 0, pt: 1 }}>
                <Typography>
                  {index + 1}. {candidate.displayName}{' '}
                  <Typography component="span" color="primary" fontWeight="bold">
                    {translate('app.candidates.score', { score: round(candidate.score) })}
                  </Typography>
                </Typography>
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
                <Typography color="text.secondary">{candidate.displayName}</Typography>
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

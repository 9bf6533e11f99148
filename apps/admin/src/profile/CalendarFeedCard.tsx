import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import EventIcon from '@mui/icons-material/Event';
import AutorenewIcon from '@mui/icons-material/Autorenew';
import {
  Box,
  Button,
  Card,
  CardContent,
  InputAdornment,
  TextField,
  Tooltip,
  IconButton,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Confirm, useNotify, useTranslate } from 'react-admin';
import type { CalendarFeedView } from '@app/domain/model';
import { apiClient } from '../providers';

const ME = ['volunteers', '/volunteers/me'];

/** The same address for a calendar app: `webcal://` in place of `https://` (or `http://`). */
export const webcalUrl = (url: string) => url.replace(/^https?:\/\//, 'webcal://');

/**
 * 「カレンダーに登録」 on the volunteer's profile: their calendar subscription address (GET
 * /api/volunteers/me) to copy or to open in a calendar app, and a new address when the old one
 * has been shared by mistake (POST /api/volunteers/me/calendar-feed; the old one stops working).
 */
export const CalendarFeedCard = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const { data, isPending, error } = useQuery({
    queryKey: ME,
    queryFn: () => apiClient.request<CalendarFeedView>('/volunteers/me'),
  });
  const renew = useMutation({
    mutationFn: () => apiClient.request<CalendarFeedView>('/volunteers/me/calendar-feed', { method: 'POST' }),
    onSuccess: (feed) => {
      queryClient.setQueryData(ME, (old: object | undefined) => ({ ...old, ...feed }));
      notify('app.calendar_feed.renewed', { type: 'success' });
    },
    onError: (e) => notify(e instanceof Error ? e.message : String(e), { type: 'error' }),
    onSettled: () => setConfirming(false),
  });
  const url = data?.calendarFeedUrl;

  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      notify('app.calendar_feed.copied', { type: 'success' });
    } catch {
      // No clipboard (an old browser, a page not served over https): the field is selected to copy by hand.
      (document.getElementById('calendar-feed-url') as HTMLInputElement | null)?.select();
      notify('app.calendar_feed.copy_by_hand', { type: 'info' });
    }
  };

  return (
    <Card sx={{ mt: 2, maxWidth: 600 }} data-testid="calendar-feed">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <EventIcon color="primary" />
          {translate('app.calendar_feed.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('app.calendar_feed.intro')}
        </Typography>
        {error ? (
          <Typography color="error">{translate('app.calendar_feed.unavailable')}</Typography>
        ) : (
          <>
            <TextField
              id="calendar-feed-url"
              label={translate('app.calendar_feed.address')}
              value={isPending ? '' : (url ?? '')}
              fullWidth
              multiline
              size="small"
              onFocus={(e) => e.target.select()}
              slotProps={{
                htmlInput: { style: { wordBreak: 'break-all' } },
                input: {
                  readOnly: true,
                  endAdornment: (
                    <InputAdornment position="end">
                      <Tooltip title={translate('app.calendar_feed.copy')}>
                        <IconButton
                          aria-label={translate('app.calendar_feed.copy')}
                          onClick={() => void copy()}
                          disabled={!url}
                          edge="end"
                        >
                          <ContentCopyIcon />
                        </IconButton>
                      </Tooltip>
                    </InputAdornment>
                  ),
                },
              }}
            />
            <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
              {translate('app.calendar_feed.private')}
            </Typography>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mt: 2 }}>
              <Button
                variant="contained"
                href={url ? webcalUrl(url) : undefined}
                disabled={!url}
                startIcon={<EventIcon />}
              >
                {translate('app.calendar_feed.open')}
              </Button>
              <Button
                variant="outlined"
                color="warning"
                onClick={() => setConfirming(true)}
                disabled={!url || renew.isPending}
                startIcon={<AutorenewIcon />}
              >
                {translate('app.calendar_feed.renew')}
              </Button>
            </Box>
          </>
        )}
        <Confirm
          isOpen={confirming}
          loading={renew.isPending}
          title="app.calendar_feed.renew_title"
          content="app.calendar_feed.renew_content"
          confirm="app.calendar_feed.renew_confirm"
          onConfirm={() => renew.mutate()}
          onClose={() => setConfirming(false)}
        />
      </CardContent>
    </Card>
  );
};

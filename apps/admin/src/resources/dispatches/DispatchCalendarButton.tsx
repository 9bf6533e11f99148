import type { DispatchView } from '@app/domain/model';
import EventIcon from '@mui/icons-material/Event';
import { Button } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useNotify, useTranslate } from 'react-admin';
import { apiClient } from '../../providers';

/** The signed-in route needs the bearer token, so the .ics is fetched and handed to the browser as a file. */
async function downloadCalendar(id: string): Promise<void> {
  const text = await apiClient.request<string>(`/dispatches/${id}/calendar.ics`);
  const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'dispatch.ics';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * "Add to my calendar" for one dispatch. The one place the card adds a visit to a calendar: when
 * the dispatch view carries its per-dispatch calendar link (API.md "Calendar without signing in"),
 * this button becomes a plain link to it.
 */
export const DispatchCalendarButton = ({ dispatch }: { dispatch: Pick<DispatchView, 'id'> }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const calendar = useMutation({
    mutationFn: () => downloadCalendar(dispatch.id),
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  return (
    <Button
      variant="outlined"
      startIcon={<EventIcon />}
      onClick={() => calendar.mutate()}
      disabled={calendar.isPending}
      sx={{ minHeight: 44 }}
    >
      {translate('app.dispatches.calendar')}
    </Button>
  );
};

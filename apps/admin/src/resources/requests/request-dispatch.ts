import { type DispatchView, isLiveDispatch } from '@app/domain/model';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '../../providers';
import type { RequestRecord } from './fields';

/**
 * The interpreter's dispatch of a request as the desk needs it: the live or completed one, or
 * else the no-show on record (GET /api/dispatches?requestId=…, scoped by the API). Null while
 * nobody holds the visit.
 */
export function useInterpreterDispatch(request: Pick<RequestRecord, 'id' | 'status'> | undefined, enabled = true) {
  return useQuery({
    enabled: enabled && !!request?.id,
    queryKey: ['requests', request?.id, 'interpreter-dispatch', request?.status],
    queryFn: async () => {
      const page = await apiClient.request<{ data: DispatchView[] }>('/dispatches', {
        query: { requestId: request!.id, perPage: 20 },
      });
      return pickInterpreterDispatch(page.data);
    },
  });
}

/** The primary (not a trainee's shadow) dispatch that holds or held the visit: live first, then a no-show. */
export function pickInterpreterDispatch<D extends Pick<DispatchView, 'status' | 'role'>>(dispatches: D[]): D | null {
  const primary = dispatches.filter((d) => d.role === 'primary');
  return primary.find((d) => isLiveDispatch(d.status)) ?? primary.find((d) => d.status === 'no_show') ?? null;
}

import { type DispatchView } from '@app/domain/model';
import { useQuery } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext } from 'react';
import { useListContext } from 'react-admin';
import { liveQuery } from '../../lib/live';
import { apiClient } from '../../providers';
import type { RequestRecord } from './fields';
import { pickInterpreterDispatch } from './request-dispatch';

type ListDispatch = Pick<
  DispatchView,
  'requestId' | 'role' | 'status' | 'endsAt' | 'noShowParty' | 'hospitalConfirmed' | 'interpreterName'
>;

/** requestId → its interpreter's dispatch, for the rows of the list page on screen. */
const Dispatches = createContext<Map<string, ListDispatch> | undefined>(undefined);

/** The interpreter dispatch of a request on this page: null when none, undefined while loading. */
export function useListDispatch(requestId: string): ListDispatch | null | undefined {
  const map = useContext(Dispatches);
  return map ? (map.get(requestId) ?? null) : undefined;
}

/**
 * Loads, in one query, the dispatches of the visits on the list page (GET /api/dispatches over
 * the page's visit times, scoped by the API), so each row can name its interpreter and say whether
 * the hospital has confirmed the visit.
 */
export const ListDispatches = ({ children }: { children: ReactNode }) => {
  const { data } = useListContext<RequestRecord>();
  const ids = (data ?? []).map((r) => r.id);
  const starts = (data ?? []).map((r) => r.startsAt).sort();
  const from = starts[0];
  const to = starts.length ? new Date(new Date(starts[starts.length - 1]).getTime() + 1).toISOString() : undefined;
  const query = useQuery({
    enabled: ids.length > 0,
    queryKey: ['requests', 'list-dispatches', from, to, ids.join()],
    queryFn: async () => {
      const page = await apiClient.request<{ data: ListDispatch[] }>('/dispatches', {
        query: { from, to: to!, perPage: 100, sort: 'startsAt', order: 'ASC' },
      });
      const byRequest = new Map<string, ListDispatch[]>();
      for (const d of page.data) byRequest.set(d.requestId, [...(byRequest.get(d.requestId) ?? []), d]);
      const map = new Map<string, ListDispatch>();
      for (const id of ids) {
        const chosen = pickInterpreterDispatch(byRequest.get(id) ?? []);
        if (chosen) map.set(id, chosen);
      }
      return map;
    },
    ...liveQuery,
  });
  return <Dispatches.Provider value={query.data}>{children}</Dispatches.Provider>;
};

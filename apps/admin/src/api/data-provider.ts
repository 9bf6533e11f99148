/**
 * react-admin's data provider for the list convention of API.md:
 * `GET /api/<things>?page&perPage&sort&order&<filter>=<value>` → `{data, total}`, one record per
 * `GET|PATCH /api/<things>/:id`, `POST /api/<things>` to create. PATCH sends only the fields
 * that changed: the API refuses fields it does not know (id, createdAt…).
 */
import type { DataProvider, Identifier, RaRecord } from 'ra-core';
import type { ApiClient } from './api-client';

type ListPage<T> = { data: T[]; total: number };

function path(resource: string, id?: Identifier): string {
  return id === undefined ? `/${resource}` : `/${resource}/${encodeURIComponent(String(id))}`;
}

function filterQuery(filter: Record<string, unknown> = {}): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null || value === '') continue;
    // Filters are form values (text, numbers, yes/no); anything else goes as JSON, not "[object Object]".
    query[key] = Array.isArray(value)
      ? value.join(',')
      : typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : JSON.stringify(value);
  }
  return query;
}

/** The fields of `data` that differ from `previous` (all of them when there is no previous). */
export function changedFields(
  data: Record<string, unknown>,
  previous?: Record<string, unknown>,
): Record<string, unknown> {
  if (!previous) return data;
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (JSON.stringify(value) !== JSON.stringify(previous[key])) changed[key] = value;
  }
  return changed;
}

export function createDataProvider(client: ApiClient): DataProvider {
  const getOne = async (resource: string, id: Identifier) => client.request<RaRecord>(path(resource, id));

  return {
    async getList(resource, params) {
      const { page = 1, perPage = 25 } = params.pagination ?? {};
      const query: Record<string, string | number> = { page, perPage, ...filterQuery(params.filter) };
      if (params.sort?.field) {
        query.sort = params.sort.field;
        query.order = params.sort.order;
      }
      const result = await client.request<ListPage<RaRecord>>(path(resource), { query });
      return { data: result.data, total: result.total } as never;
    },

    async getOne(resource, params) {
      return { data: await getOne(resource, params.id) } as never;
    },

    async getMany(resource, params) {
      // The API has no "ids" filter; getMany serves references, a handful of ids at a time.
      const data = await Promise.all(params.ids.map((id) => getOne(resource, id)));
      return { data } as never;
    },

    async getManyReference(resource, params) {
      const { page = 1, perPage = 25 } = params.pagination ?? {};
      const query: Record<string, string | number> = {
        page,
        perPage,
        ...filterQuery(params.filter),
        [params.target]: String(params.id),
      };
      if (params.sort?.field) {
        query.sort = params.sort.field;
        query.order = params.sort.order;
      }
      const result = await client.request<ListPage<RaRecord>>(path(resource), { query });
      return { data: result.data, total: result.total } as never;
    },

    async create(resource, params) {
      const data = await client.request<RaRecord>(path(resource), { method: 'POST', body: params.data });
      return { data } as never;
    },

    async update(resource, params) {
      const body = changedFields(
        params.data as Record<string, unknown>,
        params.previousData as Record<string, unknown> | undefined,
      );
      const data = await client.request<RaRecord>(path(resource, params.id), { method: 'PATCH', body });
      return { data } as never;
    },

    async updateMany(resource, params) {
      await Promise.all(
        params.ids.map((id) => client.request(path(resource, id), { method: 'PATCH', body: params.data })),
      );
      return { data: params.ids };
    },

    async delete(resource, params) {
      await client.request(path(resource, params.id), { method: 'DELETE' });
      return { data: params.previousData ?? { id: params.id } } as never;
    },

    async deleteMany(resource, params) {
      await Promise.all(params.ids.map((id) => client.request(path(resource, id), { method: 'DELETE' })));
      return { data: params.ids };
    },
  };
}

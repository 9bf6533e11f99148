import type { RequestStatus, RequestView } from '@app/domain/model';
import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatTimeRange } from '../../lib/dates';
import { useDisplayLocale } from '../../lib/use-display-locale';
import { enumKey, REQUEST_STATUS_COLOR } from '../../lib/workflow-choices';

/** GET /api/requests: the API's view, from the model. */
export type RequestRecord = RequestView;

export const StatusChip = ({ status }: { status: RequestStatus }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={REQUEST_STATUS_COLOR[status] ?? 'default'}
      label={translate(enumKey('request_status', status))}
      data-status={status}
    />
  );
};

/** Status, urgent and on-hold chips of the record in context. */
export const RequestChips = ({ record: given }: { record?: RequestRecord }) => {
  const context = useRecordContext<RequestRecord>();
  const record = given ?? context;
  const translate = useTranslate();
  if (!record) return null;
  return (
    <span style={{ display: 'inline-flex', gap: 4, flexWrap: 'wrap' }}>
      <StatusChip status={record.status} />
      {record.urgent && <Chip size="small" color="warning" label={translate('app.requests.urgent')} />}
      {record.onHold && <Chip size="small" variant="outlined" label={translate('app.requests.on_hold')} />}
    </span>
  );
};

/** 2026年12月3日(木) 10:00–12:00 */
export const VisitTime = ({ record: given }: { record?: { startsAt: string; endsAt: string } }) => {
  const context = useRecordContext<RequestRecord>();
  const record = given ?? context;
  const locale = useDisplayLocale();
  if (!record) return null;
  return <span>{formatTimeRange(record.startsAt, record.endsAt, locale)}</span>;
};

/** A translated enumeration value of the record in context. */
export const EnumField = ({
  source,
  group,
}: {
  source: keyof RequestRecord;
  group: string;
  label?: string;
  sortable?: boolean;
}) => {
  const record = useRecordContext<RequestRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return <span>{translate(enumKey(group, String(record[source] ?? '')))}</span>;
};

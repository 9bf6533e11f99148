import type { RequestStatus, RequestView } from '@app/domain/model';
import { Chip } from '@mui/material';
import { usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { isStaff, type Role } from '../../access';
import { formatTimeRange } from '@app/domain/model';
import { useDisplayLocale } from '../../lib/use-display-locale';
import { enumKey, REQUEST_STATUS_COLOR } from '../../lib/workflow-choices';
import { type DeskStatus, type DispatchFacts, deskStatus, showsUrgent } from './request-state';

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

/** The desk's states beyond the workflow's (request-state.ts): a finished visit to confirm, a no-show, a past unfilled one. */
const DESK_CHIP: Record<
  Exclude<DeskStatus, RequestStatus>,
  { color: 'default' | 'info' | 'warning' | 'secondary'; variant?: 'outlined' }
> = {
  awaiting_confirmation: { color: 'secondary' },
  no_show_patient: { color: 'warning', variant: 'outlined' },
  no_show_interpreter: { color: 'warning', variant: 'outlined' },
  unfilled_past: { color: 'default', variant: 'outlined' },
  office_arranging: { color: 'warning', variant: 'outlined' },
};

export const DeskStatusChip = ({ status }: { status: DeskStatus }) => {
  const translate = useTranslate();
  if (!(status in DESK_CHIP)) return <StatusChip status={status as RequestStatus} />;
  const chip = DESK_CHIP[status as keyof typeof DESK_CHIP];
  return (
    <Chip
      size="small"
      color={chip.color}
      variant={chip.variant}
      label={translate(`app.desk.status.${status}`)}
      data-status={status}
    />
  );
};

/**
 * Status, urgent and on-hold chips of the record in context; with its interpreter's dispatch, the
 * desk's status (確認待ち, a no-show, a past unfilled request) instead of the bare workflow state.
 */
export const RequestChips = ({
  record: given,
  dispatch,
}: {
  record?: RequestRecord;
  dispatch?: DispatchFacts | null;
}) => {
  const context = useRecordContext<RequestRecord>();
  const record = given ?? context;
  const translate = useTranslate();
  const { permissions } = usePermissions<Role>();
  if (!record) return null;
  const now = new Date();
  const viewer = isStaff(permissions) ? 'staff' : 'hospital';
  return (
    <span style={{ display: 'inline-flex', gap: 4, flexWrap: 'wrap' }}>
      <DeskStatusChip status={deskStatus(record, dispatch, now, viewer)} />
      {showsUrgent(record, now) && <Chip size="small" color="warning" label={translate('app.requests.urgent')} />}
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
  /** A field that holds an enumeration's value (a string). */
  source: {
    [K in keyof RequestRecord]-?: RequestRecord[K] extends string | null | undefined ? K : never;
  }[keyof RequestRecord];
  group: string;
  label?: string;
  sortable?: boolean;
}) => {
  const record = useRecordContext<RequestRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return <span>{translate(enumKey(group, record[source] ?? ''))}</span>;
};

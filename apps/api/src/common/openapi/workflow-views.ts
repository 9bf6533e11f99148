import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  AGE_BANDS,
  CANCELLING_PARTIES,
  DEPARTMENTS,
  DISPATCH_STATUSES,
  ESCALATION_REASONS,
  INTERPRETER_GENDERS,
  LEVELS,
  MODES,
  NO_SHOW_PARTIES,
  OFFER_STATUSES,
  PATIENT_GENDERS,
  REQUEST_ROLES,
  REQUEST_STATUSES,
  REPORT_STATES,
  VISIT_TYPES,
} from '@app/domain/model';
import type {
  FiledBy,
  AgeBand,
  CancellationTerms,
  CancellingParty,
  Department,
  DispatchStatus,
  DispatchView,
  EscalationReason,
  InterpreterGender,
  Level,
  Mode,
  NoShowParty,
  OfferStatus,
  OfferView,
  OfferVisit,
  PatientGender,
  PatientView,
  ReportState,
  RequestRole,
  RequestStatus,
  RequestView,
  ShadowTraineeView,
  VisitDetails,
  VisitType,
} from '@app/domain/model';

/**
 * The OpenAPI schemas of the workflow's answers. The shapes are interfaces in the shared model
 * (libs/domain/src/model/views.ts, read by the panel, which stays free of Swagger); these classes
 * only describe them, and `implements` makes the compiler keep the two in step. In the document
 * they carry the model's names (RequestView, …), without the Schema suffix.
 */
const instant = { type: String, format: 'date-time' } as const;

@ApiSchema({ name: 'PatientView' })
export class PatientViewSchema implements PatientView {
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: PATIENT_GENDERS }) gender!: PatientGender;
  @ApiProperty({ enum: AGE_BANDS }) ageBand!: AgeBand;
  @ApiProperty({ type: String, nullable: true }) nationality!: string | null;
}

@ApiSchema({ name: 'CancellationTerms' })
export class CancellationTermsSchema implements CancellationTerms {
  @ApiProperty({ description: 'Inside the late-cancellation window' }) late!: boolean;
  @ApiProperty({ description: "The hospital's charge if cancelled now (yen)" }) feeYen!: number;
}

@ApiSchema({ name: 'FiledBy' })
export class FiledBySchema implements FiledBy {
  @ApiProperty() displayName!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Their direct line, when the account has one' })
  phone!: string | null;
}

@ApiSchema({ name: 'RequestView' })
export class RequestViewSchema implements RequestView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '50F20D10', description: 'The 8 characters mail quotes; `?reference=` finds it' })
  reference!: string;
  @ApiProperty({ format: 'uuid' }) hospitalId!: string;
  @ApiProperty() language!: string;
  @ApiProperty(instant) startsAt!: string;
  @ApiProperty(instant) endsAt!: string;
  @ApiProperty({ enum: DEPARTMENTS }) department!: Department;
  @ApiProperty({ enum: VISIT_TYPES }) visitType!: VisitType;
  @ApiProperty({ enum: MODES }) mode!: Mode;
  @ApiProperty({ enum: INTERPRETER_GENDERS }) interpreterGender!: InterpreterGender;
  @ApiProperty({ enum: LEVELS }) requiredLevel!: Level;
  @ApiProperty({ enum: REQUEST_STATUSES }) status!: RequestStatus;
  @ApiProperty() urgent!: boolean;
  @ApiProperty({ enum: ESCALATION_REASONS, nullable: true }) escalationReason!: EscalationReason | null;
  @ApiProperty() onHold!: boolean;
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Meeting point, floor, what to bring; never patient details',
  })
  notesForInterpreter!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Phone and video visits: the number or the link' })
  remoteDetails!: string | null;
  @ApiProperty({ description: 'The hospital (and patient) agree that a trainee may shadow (研修生の同席可)' })
  traineeWelcome!: boolean;
  @ApiProperty(instant) createdAt!: string;
  @ApiPropertyOptional({
    type: PatientViewSchema,
    nullable: true,
    description: 'Only for staff and the requesting hospital',
  })
  patient?: PatientView | null;
  @ApiPropertyOptional({
    type: CancellationTermsSchema,
    description: "A confirmed request's: what cancelling it now would cost the hospital",
  })
  cancellation?: CancellationTerms;
  @ApiPropertyOptional({
    description:
      "A confirmed request's once its visit has started: the hospital's charge if the patient did not come (yen)",
  })
  patientNoShowFeeYen?: number;
  @ApiPropertyOptional({
    type: FiledBySchema,
    nullable: true,
    description: 'Staff only, on GET /api/requests/:id: the coordinator who filed the request',
  })
  filedBy?: FiledBy | null;
}

@ApiSchema({ name: 'VisitDetails' })
export class VisitDetailsSchema implements VisitDetails {
  @ApiProperty() hospitalName!: string;
  @ApiProperty() address!: string;
  @ApiProperty({ type: String, nullable: true }) hospitalPhone!: string | null;
  @ApiProperty({ enum: DEPARTMENTS }) department!: Department;
  @ApiProperty({ enum: VISIT_TYPES }) visitType!: VisitType;
  @ApiProperty({ enum: MODES }) mode!: Mode;
  @ApiProperty({ type: String, nullable: true }) notesForInterpreter!: string | null;
  @ApiProperty({ type: String, nullable: true }) remoteDetails!: string | null;
  @ApiProperty({ type: String, nullable: true }) coordinatorName!: string | null;
  @ApiProperty({ type: String, nullable: true }) coordinatorPhone!: string | null;
}

@ApiSchema({ name: 'DispatchView' })
export class DispatchViewSchema implements DispatchView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ format: 'uuid' }) volunteerId!: string;
  @ApiProperty({ enum: REQUEST_ROLES }) role!: RequestRole;
  @ApiProperty({ enum: DISPATCH_STATUSES }) status!: DispatchStatus;
  @ApiProperty(instant) startsAt!: string;
  @ApiProperty(instant) endsAt!: string;
  @ApiProperty({ format: 'uuid' }) hospitalId!: string;
  @ApiProperty() language!: string;
  @ApiProperty({ type: String, nullable: true, description: "Staff only; null in anyone else's view" })
  overrideReason!: string | null;
  @ApiProperty() lateCancellation!: boolean;
  @ApiProperty({ ...instant, nullable: true }) reconfirmedAt!: string | null;
  @ApiProperty({
    ...instant,
    nullable: true,
    description:
      'The start before the hospital last moved the visit; with reconfirmedAt null the interpreter has not yet said whether they can make the new time',
  })
  rescheduledFrom!: string | null;
  @ApiProperty({
    ...instant,
    nullable: true,
    description: 'When the interpreter is asked to reconfirm (null for a shadow seat, which is not asked)',
  })
  reconfirmOpensAt!: string | null;
  @ApiProperty({
    description:
      "The visit was moved and the interpreter has not answered yet, within the move's answer deadline (their \"I can't make it\" is then the hospital's doing)",
  })
  awaitingMoveAnswer!: boolean;
  @ApiProperty({
    enum: REPORT_STATES,
    nullable: true,
    description: 'The report of a primary dispatch once the visit is over',
  })
  report!: ReportState | null;
  @ApiPropertyOptional({
    type: VisitDetailsSchema,
    description: 'Everything for the day, for those who may see the dispatch',
  })
  visit?: VisitDetails;
  @ApiProperty({
    enum: CANCELLING_PARTIES,
    nullable: true,
    description: 'Whose side gave the visit up (cancelled dispatches)',
  })
  cancelledBy!: CancellingParty | null;
  @ApiProperty({ enum: NO_SHOW_PARTIES, nullable: true }) noShowParty!: NoShowParty | null;
  @ApiProperty({ ...instant, nullable: true }) actualStart!: string | null;
  @ApiProperty({ ...instant, nullable: true }) actualEnd!: string | null;
  @ApiProperty({ description: "The interpreter's display name" }) interpreterName!: string;
  @ApiProperty({ description: 'Whether the hospital has confirmed the visit' }) hospitalConfirmed!: boolean;
  @ApiPropertyOptional({
    type: PatientViewSchema,
    nullable: true,
    description: 'Only once confirmed, for those who may see it',
  })
  patient?: PatientView | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'A shadow dispatch: the interpreter the trainee accompanies',
  })
  shadowOf?: string | null;
  @ApiPropertyOptional({
    enum: REPORT_STATES,
    nullable: true,
    description: "A shadow dispatch once the visit happened: the trainee's practicum record",
  })
  practicum?: ReportState | null;
  @ApiPropertyOptional({
    type: () => ShadowTraineeViewSchema,
    nullable: true,
    description:
      "The interpreter's dispatch (for the interpreter and staff) once the visit happened: the trainee who shadowed it, for feedback",
  })
  shadowTrainee?: ShadowTraineeView | null;
}

@ApiSchema({ name: 'ShadowTraineeView' })
export class ShadowTraineeViewSchema implements ShadowTraineeView {
  @ApiProperty({ format: 'uuid', description: 'The shadow dispatch (its practicum/feedback route takes it)' })
  dispatchId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: REPORT_STATES, description: "The trainee's practicum record" }) practicum!: ReportState;
  @ApiProperty({ type: String, nullable: true, description: "The interpreter's feedback, once given" })
  feedback!: string | null;
}

@ApiSchema({ name: 'OfferVisit' })
export class OfferVisitSchema implements OfferVisit {
  @ApiProperty() language!: string;
  @ApiProperty(instant) startsAt!: string;
  @ApiProperty(instant) endsAt!: string;
  @ApiProperty({ enum: DEPARTMENTS }) department!: Department;
  @ApiProperty({ enum: VISIT_TYPES }) visitType!: VisitType;
  @ApiProperty({ enum: MODES }) mode!: Mode;
  @ApiProperty() hospitalName!: string;
  @ApiProperty() area!: string;
  @ApiProperty({ description: 'Filed at short notice (至急)' }) urgent!: boolean;
}

@ApiSchema({ name: 'OfferView' })
export class OfferViewSchema implements OfferView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ enum: REQUEST_ROLES }) role!: RequestRole;
  @ApiProperty({ enum: OFFER_STATUSES }) status!: OfferStatus;
  @ApiProperty() wave!: number;
  @ApiProperty(instant) expiresAt!: string;
  @ApiProperty({ ...instant, nullable: true }) respondedAt!: string | null;
  @ApiProperty({ type: OfferVisitSchema }) visit!: OfferVisit;
  @ApiProperty({ description: 'The hospital agreed that a trainee may shadow' }) traineeWelcome!: boolean;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'A shadow offer: the interpreter the trainee would accompany',
  })
  interpreterName?: string | null;
}

/** The 200 of offering a request's shadow seat. */
@ApiSchema({ name: 'ShadowOffersSent' })
export class ShadowOffersSentSchema {
  @ApiProperty({ description: 'How many trainees were offered the seat' }) sent!: number;
  @ApiProperty({ type: [String], description: 'Who' }) volunteerIds!: string[];
}

/** The 200 of accepting an offer or assigning a volunteer: the new dispatch. */
@ApiSchema({ name: 'DispatchResult' })
export class DispatchResultSchema {
  @ApiProperty({ type: DispatchViewSchema }) dispatch!: DispatchView;
}

/** The 200 of a swap: the new dispatch and the one handed over. */
@ApiSchema({ name: 'SwapResult' })
export class SwapResultSchema {
  @ApiProperty({ type: DispatchViewSchema }) dispatch!: DispatchView;
  @ApiProperty({ type: DispatchViewSchema }) handedOver!: DispatchView;
}

/** The 200 of sending a wave of offers by hand. */
@ApiSchema({ name: 'OffersSent' })
export class OffersSentSchema {
  @ApiProperty({ description: 'How many offers were sent' }) sent!: number;
}

/** The offer link's page: the offer, and whether it can still be answered. */
@ApiSchema({ name: 'OfferLinkView' })
export class OfferLinkViewSchema extends OfferViewSchema {
  @ApiProperty() answerable!: boolean;
}

/** The 200 of a reconfirmation link. */
@ApiSchema({ name: 'Reconfirmed' })
export class ReconfirmedSchema {
  @ApiProperty(instant) reconfirmedAt!: string;
  @ApiProperty({ ...instant, description: 'The start of the visit reconfirmed (the link is for this time only)' })
  startsAt!: string;
  @ApiProperty(instant) endsAt!: string;
}

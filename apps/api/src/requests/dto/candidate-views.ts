import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import {
  EXCLUSION_CODES,
  type EligibleCandidate,
  type ExclusionCode,
  type ExcludedCandidate,
  type ScoreParts,
} from '@app/matching';
import type { SwapView } from '../swaps.service';
import { OFFER_STATUSES, REQUEST_ROLES } from '@app/domain/model';
import type { CandidateContact, OfferHistoryEntry, OfferStatus, RequestRole } from '@app/domain/model';

/*
 * The OpenAPI schemas of the candidates and swaps answers: the shapes are interfaces of the
 * matching library (pure, no Swagger) and of the swaps service; these classes describe them, kept
 * in step by `implements`, and named as the interfaces in the document.
 */
@ApiSchema({ name: 'ScoreParts' })
export class ScorePartsSchema implements ScoreParts {
  @ApiProperty() continuityPatient!: number;
  @ApiProperty() continuityHospital!: number;
  @ApiProperty() fairness!: number;
  @ApiProperty() department!: number;
  @ApiProperty() travel!: number;
  @ApiProperty() response!: number;
}

@ApiSchema({ name: 'EligibleCandidate' })
export class EligibleCandidateSchema implements EligibleCandidate {
  @ApiProperty({ format: 'uuid' }) volunteerId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() score!: number;
  @ApiProperty({ type: ScorePartsSchema }) parts!: ScoreParts;
  @ApiProperty({ type: [String], description: 'Human-readable explanation of each part' }) reasons!: string[];
}

@ApiSchema({ name: 'ExcludedCandidate' })
export class ExcludedCandidateSchema implements ExcludedCandidate {
  @ApiProperty({ format: 'uuid' }) volunteerId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: EXCLUSION_CODES, isArray: true, description: 'Every hard rule the volunteer fails' })
  reasons!: ExclusionCode[];
}

@ApiSchema({ name: 'CandidateOffer' })
export class CandidateOfferSchema {
  @ApiProperty({ enum: OFFER_STATUSES }) status!: OfferStatus;
  @ApiProperty({ format: 'date-time' }) sentAt!: string;
}

@ApiSchema({ name: 'ContactedEligibleCandidate' })
export class ContactedEligibleCandidateSchema extends EligibleCandidateSchema implements CandidateContact {
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({
    type: CandidateOfferSchema,
    nullable: true,
    description: 'Their latest offer for this request under its current terms; null if never asked',
  })
  offer!: CandidateContact['offer'];
}

@ApiSchema({ name: 'ContactedExcludedCandidate' })
export class ContactedExcludedCandidateSchema extends ExcludedCandidateSchema implements CandidateContact {
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: CandidateOfferSchema, nullable: true }) offer!: CandidateContact['offer'];
}

@ApiSchema({ name: 'StaffCandidates' })
export class StaffCandidatesSchema {
  @ApiProperty({ type: [ContactedEligibleCandidateSchema], description: 'By score, highest first' })
  eligible!: (EligibleCandidate & CandidateContact)[];
  @ApiProperty({ type: [ContactedExcludedCandidateSchema], description: 'By volunteer id' })
  excluded!: (ExcludedCandidate & CandidateContact)[];
}

@ApiSchema({ name: 'OfferHistoryEntry' })
export class OfferHistoryEntrySchema implements OfferHistoryEntry {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) volunteerId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ enum: REQUEST_ROLES }) role!: RequestRole;
  @ApiProperty() wave!: number;
  @ApiProperty({ enum: OFFER_STATUSES }) status!: OfferStatus;
  @ApiProperty({ format: 'date-time' }) sentAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true }) respondedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ type: String, nullable: true }) declineReason!: string | null;
}

@ApiSchema({ name: 'SwapRelease' })
export class SwapReleaseSchema implements Readonly<SwapView['releases']> {
  @ApiProperty({ format: 'uuid' }) dispatchId!: string;
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty() language!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty() hospitalName!: string;
}

@ApiSchema({ name: 'SwapCover' })
export class SwapCoverSchema implements Readonly<SwapView['cover'][number]> {
  @ApiProperty({ format: 'uuid' }) volunteerId!: string;
  @ApiProperty() displayName!: string;
}

@ApiSchema({ name: 'SwapView' })
export class SwapViewSchema implements SwapView {
  @ApiProperty({ format: 'uuid' }) volunteerId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ description: 'Their score for the request once freed' }) score!: number;
  @ApiProperty({ type: SwapReleaseSchema, description: 'The dispatch they hand over' }) releases!: SwapView['releases'];
  @ApiProperty({ type: [SwapCoverSchema], description: 'Who can take it' }) cover!: SwapView['cover'];
}

import { Check, Column, Entity, Index } from 'typeorm';
import { BaseEntity } from './base.entity';

/** A partner medical institution (提携医療機関). Its coordinators are users with its id. */
@Entity('hospitals')
@Check('ck_hospitals_name_not_blank', `length(trim("name")) > 0`)
export class Hospital extends BaseEntity {
  @Index('uq_hospitals_name', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 300, default: '' })
  address: string;

  /** A ward or city of Kumamoto (KUMAMOTO_AREAS of @app/matching), used for travel times. */
  @Column({ type: 'varchar', length: 40 })
  area: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}

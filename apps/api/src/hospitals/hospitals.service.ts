import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Hospital, NotFoundError, User } from '@app/domain';
import { Actor } from '../common/decorators/current-user.decorator';
import { Page, sortColumn } from '../common/pagination.dto';
import { escapeLike, UsersService } from '../users/users.service';
import { UserView } from '../auth/dto/auth.dto';
import {
  CoordinatorView,
  CreateCoordinatorDto,
  CreateHospitalDto,
  HospitalDetailView,
  HospitalListQueryDto,
  HospitalView,
  UpdateHospitalDto,
} from './dto/hospital.dto';
import { may, requireAccess } from '../access/access';
import { lockOne } from '../access/locks';

const SORTABLE = { name: 'h.name', area: 'h.area', active: 'h.active', createdAt: 'h.created_at' };

/** Partner hospitals and their coordinator accounts. */
@Injectable()
export class HospitalsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
  ) {}

  static view(h: Hospital): HospitalView {
    const { id, name, address, area, phone, active, createdAt, updatedAt } = h;
    return { id, name, address, area, phone, active, createdAt, updatedAt };
  }

  async list(query: HospitalListQueryDto): Promise<Page<HospitalView>> {
    const [column, order] = sortColumn(query, SORTABLE, 'h.name');
    const qb = this.dataSource.getRepository(Hospital).createQueryBuilder('h');
    if (query.q) qb.andWhere('(h.name ILIKE :q OR h.address ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    if (query.area) qb.andWhere('h.area = :area', { area: query.area });
    if (query.active !== undefined) qb.andWhere('h.active = :active', { active: query.active });
    const [rows, total] = await qb
      .orderBy(column, order)
      .addOrderBy('h.id')
      .skip(query.skip)
      .take(query.perPage)
      .getManyAndCount();
    return { data: rows.map((row) => HospitalsService.view(row)), total };
  }

  /** Staff read any hospital; a coordinator only their own (another is "not found"). */
  async get(actor: Actor, id: string): Promise<HospitalDetailView> {
    requireAccess(may.seeHospital(actor, id), 'Hospital');
    const hospital = await this.dataSource.getRepository(Hospital).findOne({ where: { id } });
    if (!hospital) throw new NotFoundError('Hospital');
    const coordinators = await this.dataSource
      .getRepository(User)
      .find({ where: { hospitalId: id, role: 'coordinator' }, order: { displayName: 'ASC' } });
    return { ...HospitalsService.view(hospital), coordinators: coordinators.map(coordinatorView) };
  }

  async create(input: CreateHospitalDto): Promise<HospitalView> {
    const repo = this.dataSource.getRepository(Hospital);
    const hospital = repo.create({
      name: input.name,
      address: input.address ?? '',
      area: input.area,
      phone: input.phone ?? null,
      active: input.active ?? true,
    });
    return HospitalsService.view(await repo.save(hospital));
  }

  async update(id: string, input: UpdateHospitalDto): Promise<HospitalView> {
    return this.dataSource.transaction(async (manager) => {
      const hospital = await lockOne(manager, Hospital, { id });
      if (!hospital) throw new NotFoundError('Hospital');
      for (const [key, value] of Object.entries(input) as [string, unknown][])
        if (value !== undefined) Object.assign(hospital, { [key]: value });
      return HospitalsService.view(await manager.save(Hospital, hospital));
    });
  }

  /** Creates a coordinator account belonging to the hospital. */
  async addCoordinator(hospitalId: string, input: CreateCoordinatorDto): Promise<UserView> {
    return this.dataSource.transaction(async (manager) => {
      const hospital = await manager.findOne(Hospital, { where: { id: hospitalId } });
      if (!hospital) throw new NotFoundError('Hospital');
      return this.users.create({ ...input, role: 'coordinator', hospitalId }, manager);
    });
  }
}

function coordinatorView(u: User): CoordinatorView {
  return { id: u.id, email: u.email, displayName: u.displayName, active: u.active };
}

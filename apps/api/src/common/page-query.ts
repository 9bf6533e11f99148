import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * One page of a list and the list's total in one statement (`count(*) OVER ()` beside each row),
 * instead of getManyAndCount's two. For builders without joins (offset and limit apply to rows).
 * Only a page past the end, which has no row to carry the total, costs a second statement.
 */
export async function getPageAndCount<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  skip: number,
  take: number,
): Promise<[T[], number]> {
  const { entities, raw } = await qb
    .addSelect('count(*) OVER ()', 'page_total')
    .offset(skip)
    .limit(take)
    .getRawAndEntities<{ page_total: string }>();
  if (entities.length) return [entities, Number(raw[0].page_total)];
  return [[], skip === 0 ? 0 : await qb.offset(undefined).limit(undefined).getCount()];
}

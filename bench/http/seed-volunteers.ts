import { Client } from 'pg';

/**
 * The large variant of `bench:http`: `count` more volunteers, each a copy of a demo volunteer
 * (languages, level, availability and training records) under a new name, with a year of offer
 * history — each past request of the demo history offered to eight more speakers of its language,
 * a third accepted-then-released, declined or left to expire — so candidates and the lists see a
 * pool and a history of the size the matching benchmark uses.
 */
export async function seedBenchVolunteers(db: Client, count: number): Promise<void> {
  await db.query('BEGIN');
  await db.query(
    `CREATE TEMP TABLE demo_volunteers ON COMMIT DROP AS
       SELECT row_number() OVER (ORDER BY email) - 1 AS n, * FROM volunteers WHERE email LIKE 'volunteer%@example.jp'`,
  );
  await db.query(
    `INSERT INTO volunteers (display_name, name_kana, email, phone, gender, home_area, languages, level, status,
                             pledge_signed_at, insurance_valid_until, max_dispatches_per_month, availability, registered_at)
     SELECT 'ボランティア ' || g, 'ボランティア ' || g, 'bench-' || g || '@example.jp', d.phone, d.gender, d.home_area,
            d.languages, d.level, CASE WHEN g % 17 = 0 THEN 'suspended' ELSE 'active' END, d.pledge_signed_at,
            d.insurance_valid_until, d.max_dispatches_per_month, d.availability, d.registered_at
       FROM generate_series(1, $1::int) g
       JOIN demo_volunteers d ON d.n = g % (SELECT count(*) FROM demo_volunteers)`,
    [count],
  );
  await db.query(
    `INSERT INTO course_attendances (course_id, volunteer_id, status)
     SELECT a.course_id, v.id, a.status
       FROM volunteers v
       JOIN demo_volunteers d ON d.n = substring(v.email FROM 'bench-(\\d+)@')::int % (SELECT count(*) FROM demo_volunteers)
       JOIN course_attendances a ON a.volunteer_id = d.id
      WHERE v.email LIKE 'bench-%'`,
  );
  await db.query(
    `INSERT INTO offers (request_id, volunteer_id, status, expires_at, responded_at, created_at)
     SELECT r.id, v.id, (ARRAY['released', 'declined', 'expired'])[1 + (k % 3)], r.starts_at - interval '2 days',
            CASE WHEN k % 3 = 2 THEN NULL ELSE r.starts_at - interval '3 days' END, r.starts_at - interval '4 days'
       FROM requests r
       CROSS JOIN LATERAL (
         SELECT v.id, row_number() OVER () AS k FROM volunteers v
          WHERE v.email LIKE 'bench-%' AND v.languages @> jsonb_build_array(jsonb_build_object('code', r.language))
          ORDER BY md5(v.id::text || r.id::text) LIMIT 8
       ) v
      WHERE r.starts_at < now()`,
  );
  await db.query('COMMIT');
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mail no longer rests in the outbox with a live link: the token of an offer, reconfirmation or
 * invitation link is made when the mail leaves (MailLinks). Mail written before keeps its links'
 * tokens in its body, so staff could read them in the mail viewer (and an admin's invitation made
 * staff an admin). Mail not yet delivered gets the marker the sender fills at delivery; mail
 * already sent loses the token (its addressee has it in their mailbox).
 */
export class MailLinksWithoutTokens1795790000000 implements MigrationInterface {
  name = 'MailLinksWithoutTokens1795790000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const links: Array<[template: string, kind: string, pattern: string, prefix: string]> = [
      ['offer', 'offer', 'offer-links/[A-Za-z0-9_-]+', 'offer-links/'],
      ['reconfirm', 'reconfirm', 'reconfirm-links/[A-Za-z0-9_-]+', 'reconfirm-links/'],
      ['invitation', 'invitation', 'set-password\\?token=[A-Za-z0-9_-]+', 'set-password?token='],
    ];
    for (const [template, kind, pattern, prefix] of links) {
      // The row the link acts on is the idempotency key's id: `offer:<id>`, `reconfirm:<id>`, `invitation:<id>`.
      const replacement = `CASE WHEN status = 'sent' THEN '${prefix}••••••••'
                                      ELSE '${prefix}lnk~${kind}~' || split_part(idempotency_key, ':', 2) || '~' END`;
      await queryRunner.query(
        `UPDATE mail_messages
                    SET text_body = regexp_replace(text_body, $1, ${replacement}, 'g'),
                        html_body = regexp_replace(html_body, $1, ${replacement}, 'g')
                  WHERE template = $2 AND idempotency_key LIKE $3`,
        [pattern, template, `${kind}:%`],
      );
    }
  }

  public async down(): Promise<void> {
    // The tokens were never kept: nothing to put back.
  }
}

/**
 * The two printable A4 forms after a reception (R-PET-3): the 事项交办单 for the unit the petition
 * is assigned to, and the 告知书 for the visitor. The petitioner is named only to those who may
 * see them (`maySeePetitioner`).
 */
import type { petitionsContract } from '../../../../shared/contracts/petitions';
import type { ActionOutput, ActionParsedInput } from '../../../../shared/contracts/define';
import { AppError } from '../../../../shared/domain/errors';
import { GENDER_LABELS, PETITION_FORM_LABELS } from '../../../../shared/domain/petitions';
import { dateLabel, documentDate, shanghaiDate } from '../../../../shared/domain/time';
import type { Ctx } from '../../context';
import { requireCaller } from '../guards';
import { loadPetition, maySeePetitioner, requireOpen } from './access';

type K = typeof petitionsContract;
type Out<A extends keyof K> = ActionOutput<K[A]>;

export async function document(ctx: Ctx, input: ActionParsedInput<K['document']>): Promise<Out<'document'>> {
  const user = requireCaller(ctx);
  const p = await loadPetition(ctx, user, input.petitionId);
  await requireOpen(ctx, p, user);
  const center = await ctx.store.get('centers', p.centerId);
  const shown = maySeePetitioner(p, user);
  const who = shown ? p.petitioner.name : '信访人';
  const received = dateLabel(shanghaiDate(new Date(p.receivedAt)));
  const common = { centerName: center?.name ?? '', number: p.number, issuedOn: documentDate(shanghaiDate(ctx.clock.now())), phone: center?.complaintPhone ?? center?.phone ?? '' };
  if (input.kind === 'assignment') {
    if (!p.unitName || !p.assigneeName) throw new AppError('CONFLICT', '对不起,此信访件尚未交办,还没有事项交办单;请管理办公室先交办给单位和承办人。');
    const person = shown ? `信访人:${p.petitioner.name},${GENDER_LABELS[p.petitioner.gender]},${p.petitioner.age}岁,${p.petitioner.occupation},${p.petitioner.addressOrUnit}。` : '信访人信息由中心管理办公室和承办人掌握。';
    return {
      ...common,
      title: '事项交办单',
      addressee: p.unitName,
      paragraphs: [
        `${p.unitName}:${received}收到${PETITION_FORM_LABELS[p.form]}(编号${p.number}${p.collective ? `,集体访${p.headcount}人` : ''}${p.urgent ? ',紧急' : ''}),现交由${p.assigneeName}承办。`,
        person,
        `反映的主要问题:${p.mainIssue}`,
        `请于${dateLabel(p.deadline)}前将办理结果答复信访人,并告知中心管理办公室。`,
      ],
    };
  }
  return {
    ...common,
    title: '信访事项告知书',
    addressee: who,
    paragraphs: [
      `${who}:您好!您于${received}反映的问题已登记,编号${p.number}。`,
      p.unitName ? `此事项已交由${p.unitName}办理,我们将于${dateLabel(p.deadline)}前给您答复。` : `我们将于${dateLabel(p.deadline)}前给您答复。`,
      `如有疑问,请凭编号拨打中心电话${common.phone}。感谢您的理解和支持。`,
    ],
  };
}

/**
 * The demo's first 政务公开 (R-CAT-4): on a fresh local demo each center's admin writes the three
 * written sections and publishes, through the real actions (`disclosure.saveDraft`, `publish`),
 * so the generated sections — windows, staff with their A/B posts, items' time limits, phones,
 * complaint figures, the duty roster — are copied from the demo data exactly as an admin's
 * publication would copy them. Without it a fresh demo showed 还没有发布 to every villager.
 *
 * Only `npm start` calls this, right after seeding a new store: tests and benches start from the
 * seed alone, with nothing published.
 */
import type { Clock } from '../clock';
import { dispatch } from '../dispatch';
import type { Store } from '../store/port';
import { demoUserId } from './demo';

/** The township (白沙镇, 柳塘乡) is the center's name before 便民服务中心; its government set it up. */
const ORGANISATION = (centerName: string, windowNames: string[]) => {
  const township = centerName.replace(/便民服务中心$/, '');
  const government = `${township.endsWith('乡') ? '乡' : '镇'}人民政府`;
  return `${centerName}是${government}设立的综合性便民服务机构,设${windowNames.join('、')},集中办理与群众生活密切相关的事项。中心主任由${government}分管领导兼任,负责中心的全面工作;管理办公室负责窗口日常管理、考勤考核、投诉受理和信访接待;各窗口实行AB岗工作制度,确保每个岗位始终有人办理。`;
};

const COMMITMENTS =
  '一、首问负责:群众来办事或咨询,第一位接待的工作人员负责解答或引导到位,不推诿。\n二、一次性告知:办事所需材料和条件一次讲清楚、写清楚,材料不全的当场出具一次性告知书。\n三、限时办结:即办件当场办结;承诺件在承诺时限内办结,并通过微信提醒办理进度。\n四、AB岗:A岗人员不在岗时由B岗人员接办,不让群众白跑。\n五、文明服务:使用文明用语,耐心细致,对老年人、残疾人提供帮办代办和上门服务。';

const SUPERVISION =
  '欢迎群众对中心工作进行监督。您可以通过本小程序的“投诉与建议”提交意见,也可以拨打中心管理办公室电话或到管理办公室当面反映;每项办结事项都可以评价“满意”或“不满意”。管理办公室收到投诉后当日登记,在规定时限内调查处理并答复您;对工作人员的不满意评价逐条核实整改并回访。中心每月公布投诉办理和评价情况,每天有领导值班接待群众。';

/** Publishes the first version for every demo center; a refusal stops the start with its message. */
export async function publishDemoDisclosure(store: Store, clock: Clock): Promise<void> {
  for (const center of await store.find('centers')) {
    const admin = await store.get('users', demoUserId(center.id, 'admin'));
    if (!admin) continue;
    const ctx = { store, clock, caller: admin };
    const windows = await store.find('windows', { where: { centerId: center.id }, orderBy: [['sort', 'asc']] });
    const draft = await dispatch('disclosure', { action: 'draft', input: {} }, ctx);
    if (!draft.ok) throw new Error(`演示政务公开草稿读取失败:${draft.error.message}`);
    const { staffNotes } = (draft.data as { draft: { staffNotes: Array<{ userId: string; duties: string; photo: string }> } }).draft;
    const saved = await dispatch(
      'disclosure',
      {
        action: 'saveDraft',
        input: {
          organisation: ORGANISATION(center.name, windows.map((w) => w.name)),
          commitments: COMMITMENTS,
          supervision: SUPERVISION,
          staffNotes: staffNotes.map(({ userId, duties, photo }) => ({ userId, duties, photo })),
        },
      },
      ctx,
    );
    if (!saved.ok) throw new Error(`演示政务公开草稿保存失败:${saved.error.message}`);
    const published = await dispatch('disclosure', { action: 'publish', input: {} }, ctx);
    if (!published.ok) throw new Error(`演示政务公开发布失败:${published.error.message}`);
  }
}

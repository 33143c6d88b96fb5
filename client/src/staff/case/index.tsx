import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { DocumentKind } from '@shared/contracts/cases';
import { CASE_STATUS_LABELS } from '@shared/domain/cases';
import { dateLabel } from '@shared/domain/time';
import CaseBadge from '../../components/case-badge';
import ConfirmDialog from '../../components/confirm-dialog';
import DateChips, { ChoiceChips } from '../../components/date-chips';
import LabelledInput from '../../components/labelled-input';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import Section from '../../components/section';
import StateView from '../../components/state-view';
import Tap, { TapButton } from '../../components/tap';
import TrailList from '../../components/trail-list';
import { api, messageOf } from '../../services/api';
import { getSession } from '../../services/session';
import { useLoad } from '../../services/use-load';
import { useCenterToday, useDayChoice } from '../../services/clock';

type Panel = 'supplement' | 'reject' | 'forward' | 'transfer' | 'done' | 'complete' | null;

type NoticeOf = { status: string; supplementIssuedAt?: string; acceptedOn?: string; deadline?: string };

/** The notices a case has actually been given: a 即收即办 case has no 受理通知书 (outside review). */
const NOTICES: Array<[DocumentKind, string, (c: NoticeOf) => boolean]> = [
  ['supplement', '材料补正通知单', (c) => Boolean(c.supplementIssuedAt)],
  ['acceptance', '受理通知书', (c) => (c.status === 'accepted' || c.status === 'done') && Boolean(c.acceptedOn && c.deadline)],
  ['forward', '转报件告知单', (c) => c.status === 'forwarded'],
  ['rejection', '不予受理通知书', (c) => c.status === 'rejected'],
  ['done', '办结通知书', (c) => c.status === 'done'],
];

/** One case with every action its state allows (R-CASE-2..4), and its full trail (R-CASE-7). */
function CaseDetail() {
  const { params } = useRouter();
  const id = decodeURIComponent(params.id ?? '');
  const [tick, setTick] = useState(0);
  const res = useLoad(() => api.cases.get({ caseId: id }), `${id}|${tick}`);
  const staffList = useLoad(() => api.cases.staff({}), 'staff');
  const [panel, setPanel] = useState<Panel>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const [noneTicked, setNoneTicked] = useState(false);
  const [text, setText] = useState('');
  const today = useCenterToday();
  const [date, setDate] = useDayChoice();
  const [toUser, setToUser] = useState<string>('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** An irreversible act waiting for its confirmation (issue 11): worded as the act. */
  const [confirming, setConfirming] = useState<{ title: string; act: string; message: string; fn: () => Promise<unknown>; done: string } | null>(null);
  const me = getSession()?.user.id;

  if (!res.data) {
    return (
      <PageShell>
        <StateView loading={res.loading} error={res.error} onRetry={res.reload} next={res.next} />
      </PageShell>
    );
  }
  const { case: c, trail, materials } = res.data;
  const mayDecide = c.actingHandlerId === me || c.handlerId === me;
  const mayTransfer = mayDecide || c.firstAskId === me;

  const run = async (fn: () => Promise<unknown>, done: string) => {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      await fn();
      setMessage(done);
      setPanel(null);
      setText('');
      setMissing([]);
      setTick((t) => t + 1);
    } catch (e) {
      setMessage(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const ask = (title: string, act: string, message: string, fn: () => Promise<unknown>, done: string) => setConfirming({ title, act, message, fn, done });
  const others = (staffList.data?.staff ?? []).filter((s) => s.id !== c.handlerId);
  const notices = NOTICES.filter(([, , given]) => given(c));

  return (
    <PageShell>
      <View className="card">
        <View className="row">
          <View className="hero">{c.itemName}</View>
          <CaseBadge status={c.status} badge={c.badge} daysLeft={c.workingDaysLeft} />
        </View>
        <View className="guide-facts">
          <View>办件编号:{c.number}</View>
          <View>办事人:{c.applicantName}{c.agentId ? '(村代办员代办)' : ''}</View>
          <View>状态:{CASE_STATUS_LABELS[c.status]}</View>
          <View>承办:{c.windowName} {c.handlerName}{c.actingHandlerId && c.actingHandlerName !== c.handlerName ? `(不在岗,由B岗${c.actingHandlerName}代办)` : ''}</View>
          <View>首问责任人:{c.firstAskName}</View>
          {c.deadline && <View>办结期限:{dateLabel(c.deadline)}</View>}
          {c.missingMaterials && <View>{c.status === 'supplement' ? '需补正材料' : '曾要求补正'}:{c.missingMaterials.join('、')}</View>}
          {c.result && <View>办理结果:{c.result}</View>}
        </View>
      </View>

      {message && <View className="card">{message}</View>}

      {mayDecide && c.status === 'received' && panel === null && (
        <Section title="接件决定">
          <View className="stack">
            {/* One primary act (受理); 即收即办 and the rest are secondary, and every irreversible one asks first (issue 11). */}
            <TapButton type="primary" onTap={() => ask('确定受理此件?', '确定受理', '受理后即出具受理通知书,开始计算办结期限,不能撤回。', () => api.cases.accept({ caseId: c.id }), '已受理,已出具受理通知书。')}>
              受理
            </TapButton>
            <TapButton onTap={() => setPanel('done')}>即收即办(当场办结)</TapButton>
            {!c.supplementIssuedAt && <TapButton onTap={() => setPanel('supplement')}>材料不全:一次性告知补正</TapButton>}
            <TapButton onTap={() => setPanel('forward')}>转报上级部门</TapButton>
            <TapButton onTap={() => setPanel('reject')}>不予受理</TapButton>
          </View>
        </Section>
      )}
      {mayDecide && c.status === 'supplement' && panel === null && (
        <Section title="补正">
          <View className="actions">
            <TapButton type="primary" loading={busy} onTap={() => void run(() => api.cases.resubmitted({ caseId: c.id }), '已登记补齐材料,请作出受理决定。')}>
              群众已补齐材料
            </TapButton>
            <TapButton onTap={() => setPanel('reject')}>不予受理</TapButton>
          </View>
        </Section>
      )}
      {mayDecide && (c.status === 'accepted' || c.status === 'forwarded') && panel === null && (
        <TapButton type="primary" onTap={() => setPanel('complete')}>
          办结并录入结果
        </TapButton>
      )}
      {mayTransfer && ['received', 'supplement', 'accepted', 'forwarded'].includes(c.status) && panel === null && (
        <View className="actions">
          <TapButton onTap={() => setPanel('transfer')}>转办给其他窗口</TapButton>
        </View>
      )}

      {panel === 'supplement' && (
        <Section title="勾选群众缺少的全部材料(只能补正一次)">
          {materials.map((m) => {
            const on = missing.includes(m.name);
            return (
              <Tap key={m.name} role="checkbox" checked={on} className={`material${on ? ' material--done' : ''}`} onTap={() => setMissing(on ? missing.filter((x) => x !== m.name) : [...missing, m.name])}>
                <View className="material__box">{on ? '✓' : ''}</View>
                <View className="material__body">
                  {m.name}
                  {on ? '(缺少)' : ''}
                </View>
              </Tap>
            );
          })}
          <LabelledInput label="补充说明(可不填)" value={text} placeholder="补充说明(可不填)" onInput={(e) => setText(e.detail.value)} />
          {noneTicked && missing.length === 0 && <View className="error para">请先勾选群众缺少的全部材料,再出具补正通知,谢谢。</View>}
          <View className="actions">
            <TapButton
              type="primary"
              onTap={() =>
                // Nothing ticked: say so here, before a confirmation that could only be refused (outside review).
                missing.length === 0
                  ? setNoneTicked(true)
                  : ask('确定出具补正通知?', '确定出具补正通知', `每件只能一次性告知补正,出具后不能再增加材料。缺少:${missing.join('、')}。`, () => api.cases.supplement({ caseId: c.id, missing, note: text }), '已出具材料补正通知单,并已告知群众。')
              }
            >
              出具补正通知
            </TapButton>
            <TapButton onTap={() => setPanel(null)}>返回</TapButton>
          </View>
        </Section>
      )}
      {(panel === 'reject' || panel === 'done' || panel === 'complete') && (
        <Section title={panel === 'reject' ? '不予受理的理由' : '办理结果'}>
          <LabelledInput label={panel === 'reject' ? '不予受理的理由' : '办理结果'} value={text} placeholder={panel === 'reject' ? '请写明理由,将写入不予受理通知书' : '如:已办结,证件已当场发放'} onInput={(e) => setText(e.detail.value)} />
          <View className="actions">
            <TapButton
              type="primary"
              onTap={() =>
                panel === 'reject'
                  ? ask('确定不予受理?', '确定不予受理', '将出具不予受理通知书并告知群众,不能撤回。', () => api.cases.reject({ caseId: c.id, reasons: [text] }), '已出具不予受理通知书。')
                  : panel === 'done'
                    ? ask('确定即收即办?', '确定即收即办', '本件将当场办结并告知群众办理结果,不能撤回。', () => api.cases.doneOnSpot({ caseId: c.id, result: text }), '已办结,谢谢。')
                    : ask('确定办结?', '确定办结', '将出具办结通知书并告知群众办理结果,不能撤回。', () => api.cases.complete({ caseId: c.id, result: text }), '已办结,谢谢。')
              }
            >
              {panel === 'reject' ? '不予受理' : panel === 'done' ? '即收即办' : '办结'}
            </TapButton>
            <TapButton onTap={() => setPanel(null)}>返回</TapButton>
          </View>
        </Section>
      )}
      {panel === 'forward' && (
        <Section title={`转报${res.data.forwardedTo || '上级部门'}`}>
          <DateChips label="承诺办结日期" today={today} min={today} value={date} onChange={setDate} />
          <View className="actions">
            <TapButton type="primary" onTap={() => ask('确定转报?', '确定转报', `承诺办结日期:${dateLabel(date)},将告知群众,不能撤回。`, () => api.cases.forward({ caseId: c.id, committedDate: date }), '已转报,并已告知群众承诺日期。')}>
              转报
            </TapButton>
            <TapButton onTap={() => setPanel(null)}>返回</TapButton>
          </View>
        </Section>
      )}
      {panel === 'transfer' && (
        <Section title="转给具体的工作人员">
          <View className="chips__chosen">接收人:{others.find((s) => s.id === toUser)?.name ?? '请选择'}</View>
          <ChoiceChips label="接收人" options={others.map((s) => ({ value: s.id, label: `${s.windowName} ${s.name}`, note: s.awayToday ? `不在岗,B岗${s.backupName || '无'}` : undefined }))} value={toUser || null} onChange={setToUser} />
          <LabelledInput label="转办说明" value={text} placeholder="转办说明,如:属残联业务" onInput={(e) => setText(e.detail.value)} />
          <View className="actions">
            <TapButton type="primary" loading={busy} onTap={() => void run(() => api.cases.transfer({ caseId: c.id, toUserId: toUser, note: text }), '已转办。您仍是本件的首问责任人,会继续收到进度和提醒。')}>
              确定转办
            </TapButton>
            <TapButton onTap={() => setPanel(null)}>返回</TapButton>
          </View>
        </Section>
      )}

      {notices.length > 0 && (
        <Section title="通知书">
          {notices.map(([kind, label]) => (
            <Tap key={kind} role="link" label={`${label}:查看、打印`} className="row nav-row" onTap={() => Taro.navigateTo({ url: `/pages/case-notice/index?caseId=${encodeURIComponent(c.id)}&kind=${kind}` })}>
              <Text>{label}</Text>
              <Text className="link">查看、打印 ›</Text>
            </Tap>
          ))}
        </Section>
      )}

      <Section title="办理过程">
        <TrailList steps={trail} />
      </Section>
      {confirming && (
        <ConfirmDialog
          title={confirming.title}
          act={confirming.act}
          message={confirming.message}
          busy={busy}
          onConfirm={() => void run(confirming.fn, confirming.done).then(() => setConfirming(null))}
          onCancel={() => setConfirming(null)}
        />
      )}
    </PageShell>
  );
}

export default function Page() {
  return (
    <RoleGate roles={['staff', 'office', 'leader', 'admin']} who="中心工作人员">
      <CaseDetail />
    </RoleGate>
  );
}

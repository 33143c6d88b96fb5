import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { DEADLINE_BADGE_LABELS } from '@shared/domain/cases';
import { GENDER_LABELS, PETITION_FORM_LABELS, PETITION_STATE_LABELS, REPLY_MODE_LABELS, REPLY_MODES, type PetitionState } from '@shared/domain/petitions';
import ConfirmDialog from '../../components/confirm-dialog';
import Field from '../../components/field';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import StateView from '../../components/state-view';
import { api } from '../../services/api';
import { badgeClass } from '../../services/complaint-office';
import { dateLabel, instantLabel } from '../../services/format';
import { petitionsApi } from '../../services/fn/petitions';
import { getSession } from '../../services/session';
import { useAction } from '../../services/use-action';
import { useLoad } from '../../services/use-load';
import { DOC_LABELS, documentsOf, offeredActions, progressOf, unitPeople, type Offered } from '../rules';
// The row of step marks: the complaints' look.
import '../../complaint/complaint.scss';
import '../petition.scss';
import Tap, { TapButton } from '../../components/tap';
import { LabelledTextarea } from '../../components/labelled-input';


type Confirm = 'reply' | 'close';
const CONFIRM_TITLES: Record<Confirm, string> = { reply: '确定提交答复吗?', close: '确定结案吗?' };
/** The dialog's act button, worded as the act (issue 11). */
const CONFIRM_ACTS: Record<Confirm, string> = { reply: '确定提交答复', close: '确定结案' };

/**
 * 信访件 (R-PET-1..3): the facts, the petitioner only when the server returns them (the office,
 * leaders and the assigned person), the state along its steps, the due dates, the trail, and the
 * steps this viewer may take now — 交办 (office), 领导接待 (a leader), 答复 (the assigned person),
 * 结案 (office) — with the A4 事项交办单 and 告知书.
 */
function Detail() {
  const { params } = useRouter();
  const id = decodeURIComponent(params.id ?? '');
  const viewer = getSession()?.user;
  const [tick, setTick] = useState(0);
  const res = useLoad(() => petitionsApi.get({ petitionId: id }), `${id}|${tick}`);
  const p = res.data?.petition;
  const actions: Offered[] = p && viewer ? offeredActions(p, viewer) : [];
  const has = (a: Offered) => actions.includes(a);
  const windows = useLoad(async () => (has('assign') ? (await api.center.windows({})).windows : []), `w|${has('assign')}`);
  const staff = useLoad(async () => (has('assign') ? (await api.cases.staff({})).staff : []), `s|${has('assign')}`);

  const { message, busy, errs, run } = useAction();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [mode, setMode] = useState<(typeof REPLY_MODES)[number] | null>(null);
  const [summary, setSummary] = useState('');
  const [reception, setReception] = useState('');
  const [confirming, setConfirming] = useState<Confirm | null>(null);
  // Re-assigning is rare: offered behind a button once a person is named.
  const [reassigning, setReassigning] = useState(false);

  const act = async (fn: () => Promise<unknown>, done: string) => {
    const ok = await run(fn, done);
    setConfirming(null);
    if (ok) {
      setReassigning(false);
      setUnitId(null);
      setAssigneeId(null);
      setTick((t) => t + 1);
    }
  };
  const doConfirmed = async () => {
    if (confirming === 'reply' && mode) await act(() => petitionsApi.reply({ petitionId: id, mode, summary }), '答复已记录,并已告知中心管理办公室,谢谢。');
    if (confirming === 'close') await act(() => petitionsApi.close({ petitionId: id }), '已结案,谢谢。');
  };

  if (!p) {
    return (
      <PageShell>
        <StateView loading={res.loading} error={res.error} onRetry={res.reload} next={res.next} />
      </PageShell>
    );
  }
  const people = unitPeople(staff.data ?? [], unitId, p);
  const who = p.petitioner;
  const open = p.state !== 'replied' && p.state !== 'closed';
  return (
    <PageShell>
      <View className="card">
        <View className="title">信访件 {p.number}</View>
        <View className="pet-tags">
          {p.badge && p.badge !== 'on_time' && <Text className={badgeClass(p.badge)}>{DEADLINE_BADGE_LABELS[p.badge]}</Text>}
          <Text className="tag">{p.stateLabel}</Text>
          {p.collective && <Text className="tag tag--danger">集体访 {p.headcount}人</Text>}
          {p.urgent && <Text className="tag tag--danger">紧急</Text>}
        </View>
        <View className="para">信访形式:{PETITION_FORM_LABELS[p.form]} · 登记于 {instantLabel(p.receivedAt)}</View>
        {who ? (
          <View className="para pet-facts">
            信访人:{who.name},{GENDER_LABELS[who.gender]},{who.age}岁,{who.occupation},{who.addressOrUnit}
            {who.politicalStatus ? `,${who.politicalStatus}` : ''}
          </View>
        ) : (
          <View className="muted para">信访人信息依规保密,由中心管理办公室、中心领导和承办人掌握。</View>
        )}
        {!p.collective && p.headcount > 1 && <View className="para">来访人数:{p.headcount}人</View>}
        <View className="pet-facts__label">反映的主要问题</View>
        <View className="pet-issue">{p.mainIssue}</View>
      </View>

      <View className="card">
        <View className="title">办理进度</View>
        <View className="cmp-steps" aria-label={`办理进度:${p.stateLabel}`}>
          {progressOf(p).map((s) => (
            <Text key={s.state} className={`cmp-step${s.done ? ' cmp-step--done' : ''}${s.current ? ' cmp-step--now' : ''}`}>
              {PETITION_STATE_LABELS[s.state as PetitionState]}
            </Text>
          ))}
        </View>
        <View className="para">
          答复期限:{dateLabel(p.replyDue)}前(按{p.dayCount === 'working' ? '工作日' : '自然日'}计3日)
        </View>
        {p.leaderReception && (
          <View className="para">
            领导接待:{p.leaderReception.byName}于{dateLabel(p.leaderReception.on)}接待,须于{dateLabel(p.leaderReception.due)}前答复。接待情况:{p.leaderReception.summary}
          </View>
        )}
        {open && p.deadlineKind === 'leader' && <View className="para">当前期限:{dateLabel(p.deadline)}前(领导接待后一周内)</View>}
        {!p.leaderReception && open && <View className="muted para">如需领导接待,领导接待后一周内给予答复。</View>}
        <View className="para">{p.assigneeName ? `承办:${p.unitName ?? ''} ${p.assigneeName}` : `承办:待管理办公室交办${p.unitName ? `(登记时所选涉及单位:${p.unitName})` : ''}`}</View>
        {p.reply && (
          <View className="para">
            答复({REPLY_MODE_LABELS[p.reply.mode]}):{p.reply.byName}于{instantLabel(p.reply.at)}
            {p.reply.onTime ? '(按期)' : '(超期)'}:{p.reply.summary}
          </View>
        )}
        {p.closedAt && <View className="para">已于{instantLabel(p.closedAt)}结案。</View>}
      </View>

      {message && <View className="card">{message}</View>}

      {has('assign') && p.assigneeId && !reassigning && (
        <TapButton onTap={() => setReassigning(true)}>
          改为交办(更换承办单位或承办人)
        </TapButton>
      )}
      {has('assign') && (!p.assigneeId || reassigning) && (
        <View className="card">
          <View className="title">{p.assigneeId ? '改为交办' : '交办'}</View>
          <View className="muted para">请先选择承办单位(窗口),再选择该单位的承办人;系统会通知承办人和该窗口,交办后可打印事项交办单。</View>
          <StateView loading={(windows.loading && !windows.data) || (staff.loading && !staff.data)} error={windows.error ?? staff.error} onRetry={() => { windows.reload(); staff.reload(); }} next={windows.error ? windows.next : staff.next} />
          <Field label="承办单位" errors={errs('unitId')}>
            <View className="day-tabs">
              {(windows.data ?? []).map((w) => (
                <Tap role="radio" checked={unitId === w.id} label={`承办单位:${w.name}`} onTap={() => { setUnitId(w.id); setAssigneeId(null); }} key={w.id} className={`day-tab${unitId === w.id ? ' day-tab--on' : ''}`}>
                  {w.name}
                </Tap>
              ))}
            </View>
          </Field>
          {unitId && (
            <Field label="承办人" errors={errs('assigneeId')}>
              {people.length === 0 && <View className="muted">对不起,此窗口暂无可指定的工作人员,请选择其他单位或联系中心管理员添加人员。</View>}
              {people.map((x) => (
                <Tap role="radio" checked={assigneeId === x.id} label={`承办人:${x.name}`} onTap={() => setAssigneeId(x.id)} key={x.id} className={`choice${assigneeId === x.id ? ' choice--on' : ''}`}>
                  {assigneeId === x.id ? '✓ ' : ''}
                  {x.name}
                  {x.awayToday ? `(今日不在岗,B角${x.backupName})` : ''}
                </Tap>
              ))}
            </Field>
          )}
          <TapButton type="primary" loading={busy} disabled={!unitId || !assigneeId} onTap={() => unitId && assigneeId && void act(() => petitionsApi.assign({ petitionId: id, unitId, assigneeId }), '已交办,并已通知承办人和承办单位,谢谢。')}>
            确认交办
          </TapButton>
        </View>
      )}

      {has('leaderReception') && (
        <View className="card">
          <View className="title">领导接待</View>
          <View className="muted para">接待信访人后请记录接待情况;自接待之日起一周内给予答复,系统会通知管理办公室和承办人。</View>
          <Field label="接待情况" errors={errs('summary')}>
            <LabelledTextarea label="接待情况" value={reception} maxlength={1000} placeholder="如:已听取信访人诉求,要求人社窗口核实后一周内答复" onInput={(e) => setReception(e.detail.value)} />
          </Field>
          <TapButton type="primary" loading={busy} onTap={() => void act(() => petitionsApi.leaderReception({ petitionId: id, summary: reception }), '接待情况已记录,谢谢。')}>
            记录领导接待
          </TapButton>
        </View>
      )}

      {has('reply') && (
        <View className="card">
          <View className="title">答复信访人</View>
          <View className="muted para">能当场答复的当场答复;不能的,请于{dateLabel(p.deadline)}前书面答复。答复人和时间由系统记录。</View>
          <Field label="答复方式" errors={errs('mode')}>
            <View className="actions">
              {REPLY_MODES.map((m) => (
                <TapButton key={m} type={mode === m ? 'primary' : 'secondary'} onTap={() => setMode(m)}>
                  {REPLY_MODE_LABELS[m]}
                </TapButton>
              ))}
            </View>
          </Field>
          <Field label="答复要点" errors={errs('summary')}>
            <LabelledTextarea label="答复要点" value={summary} maxlength={1000} placeholder="如:已向信访人说明补偿款发放进度,信访人表示理解" onInput={(e) => setSummary(e.detail.value)} />
          </Field>
          <TapButton type="primary" disabled={!mode} onTap={() => setConfirming('reply')}>
            提交答复
          </TapButton>
          {!mode && <View className="muted para">请先选择答复方式。</View>}
        </View>
      )}

      {has('close') && (
        <View className="card">
          <View className="title">结案</View>
          <View className="muted para">请核实答复情况后结案;结案后不能再交办或答复。</View>
          <TapButton type="primary" onTap={() => setConfirming('close')}>
            结案
          </TapButton>
        </View>
      )}

      <View className="card">
        <View className="title">打印(A4)</View>
        {documentsOf(p).map((k) => (
          <Tap role="link" label={`打印${DOC_LABELS[k]}`} onTap={() => void Taro.navigateTo({ url: `/petition/doc/index?id=${encodeURIComponent(id)}&kind=${k}` })} key={k} className="row nav-row">
            <Text className="item-row__name">{DOC_LABELS[k]}{k === 'assignment' ? '(交承办单位)' : '(交信访人)'}</Text>
            <Text className="link">›</Text>
          </Tap>
        ))}
        {!documentsOf(p).includes('assignment') && <View className="muted para">交办后可打印事项交办单。</View>}
      </View>

      <View className="card">
        <View className="title">办理记录</View>
        {(res.data?.steps ?? []).map((s) => (
          <View key={s.id} className="cmp-log">
            <View>{s.text}</View>
            <View className="muted">
              {s.actorName} · {instantLabel(s.at)}
            </View>
          </View>
        ))}
      </View>

      {confirming && <ConfirmDialog title={CONFIRM_TITLES[confirming]} act={CONFIRM_ACTS[confirming]} busy={busy} onConfirm={() => void doConfirmed()} onCancel={() => setConfirming(null)} />}
    </PageShell>
  );
}

export default function Page() {
  return (
    <RoleGate roles={['staff', 'office', 'leader']} who="中心工作人员、管理办公室和中心领导">
      <Detail />
    </RoleGate>
  );
}

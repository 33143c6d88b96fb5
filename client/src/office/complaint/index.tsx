import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { COMPLAINT_CLASSES, COMPLAINT_CLASS_LABELS, REPLY_MEANS, REPLY_MEANS_LABELS, type ComplaintClass, type ReplyMeans } from '@shared/domain/complaints';
import { DEADLINE_BADGE_LABELS } from '@shared/domain/cases';
import { monthOf, nextMonth } from '@shared/domain/duty';
import { dayLabel } from '@shared/domain/time';
import ConfirmDialog from '../../components/confirm-dialog';
import Field from '../../components/field';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import StateView from '../../components/state-view';
import TrailList from '../../components/trail-list';
import { api } from '../../services/api';
import { complaintsApi } from '../../services/fn/complaints';
import { badgeClass, extensionDays, handlerChoices, offeredActions, replyFormOf, type OfficeAction } from '../../services/complaint-office';
import { dateLabel, instantLabel } from '../../services/format';
import { getSession } from '../../services/session';
import { useAction } from '../../services/use-action';
import { useLoad } from '../../services/use-load';
// The steps' look is the villager pages' (one style for 受理 → 归档).
import '../../complaint/complaint.scss';
import Tap, { TapButton } from '../../components/tap';
import LabelledInput, { LabelledTextarea } from '../../components/labelled-input';


/** The irreversible steps, confirmed in a large dialog first. */
type Confirm = 'close' | 'reply' | 'carriedOut' | 'archive';
const CONFIRM_TITLES: Record<Confirm, string> = {
  close: '确定记录核查结论吗?',
  reply: '确定提交答复吗?',
  carriedOut: '确定登记处理措施已执行吗?',
  archive: '确定归档吗?',
};
/** The dialog's act button, worded as the act (issue 11). */
const CONFIRM_ACTS: Record<Confirm, string> = { close: '确定记录核查结论', reply: '确定提交答复', carriedOut: '确定登记已执行', archive: '确定归档' };

/**
 * One complaint for the office, the assigned handler, leaders and the admin (issue 9.10): what
 * complaints.get returns for this viewer — who complained only when the server includes it
 * (R-CMP-5) — and the steps this viewer may take now (offeredActions).
 */
function Detail() {
  const { params } = useRouter();
  const id = decodeURIComponent(params.id ?? '');
  const viewer = getSession()?.user;
  const [tick, setTick] = useState(0);
  const res = useLoad(() => complaintsApi.get({ complaintId: id }), `${id}|${tick}`);
  const c = res.data?.complaint;
  const actions: OfficeAction[] = c && viewer ? offeredActions(c, viewer) : [];
  const has = (a: OfficeAction) => actions.includes(a);
  const staff = useLoad(async () => (has('assign') ? (await api.cases.staff({})).staff : []), `${has('assign')}`);
  const days = useLoad(async () => {
    if (!c || !has('extend')) return [];
    const m = monthOf(c.deadline);
    const [a, b] = await Promise.all([api.duty.roster({ centerId: c.centerId, month: m }), api.duty.roster({ centerId: c.centerId, month: nextMonth(m) })]);
    return extensionDays([...a.roster.workingDays, ...b.roster.workingDays], c.deadline);
  }, `${c?.deadline ?? ''}|${has('extend')}`);

  const { message, busy, errs, run } = useAction();
  const [klass, setKlass] = useState<ComplaintClass | null>(null);
  const [handlerId, setHandlerId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [newDate, setNewDate] = useState<string | null>(null);
  const [substantiated, setSubstantiated] = useState<boolean | null>(null);
  const [findings, setFindings] = useState('');
  const [measure, setMeasure] = useState('');
  const [replyText, setReplyText] = useState('');
  const [means, setMeans] = useState<ReplyMeans | null>(null);
  const [confirming, setConfirming] = useState<Confirm | null>(null);

  const act = async (fn: () => Promise<unknown>, done: string) => {
    const ok = await run(fn, done);
    setConfirming(null);
    if (ok) setTick((t) => t + 1);
  };
  const doConfirmed = async () => {
    if (confirming === 'close')
      await act(() => complaintsApi.close({ complaintId: id, substantiated: substantiated as boolean, findings, measure }), '核查结论已记录,请承办人按投诉形式答复投诉人,谢谢。');
    if (confirming === 'reply')
      await act(() => complaintsApi.reply({ complaintId: id, text: replyText, ...(means ? { means } : {}) }), '答复已记录,投诉人可在小程序查看,谢谢。');
    if (confirming === 'carriedOut') await act(() => complaintsApi.carriedOut({ complaintId: id, note }), '已登记处理措施执行情况,谢谢。');
    if (confirming === 'archive') await act(() => complaintsApi.archive({ complaintId: id }), '已归档,谢谢。');
  };

  if (!c) {
    return (
      <PageShell>
        <StateView loading={res.loading} error={res.error} onRetry={res.reload} next={res.next} />
      </PageShell>
    );
  }
  const choices = handlerChoices(staff.data ?? [], c);
  const oral = replyFormOf(c) === 'oral';
  return (
    <PageShell>
      <View className="card">
        <View className="title">投诉 {c.number}</View>
        <View className="row">
          <Text>{c.stateLabel} · {c.classified ? c.classLabel : '待分类'}</Text>
          {c.badge && <Text className={badgeClass(c.badge)}>{DEADLINE_BADGE_LABELS[c.badge]}</Text>}
        </View>
        <View className="para">渠道:{c.channelLabel}</View>
        <View className="para">投诉对象:{c.subject.label}</View>
        <View className="para">答复期限:{dateLabel(c.deadline)}</View>
        {c.disciplineReportAt && <View className="para error">重大投诉,已标记报送纪检监察。</View>}
        <View className="para">事实经过:{c.facts}</View>
        <View className="para">诉求:{c.wants}</View>
        {c.identity === 'shown' && c.complainant && (
          <View className="para">
            投诉人:{c.complainant.name || '(未留姓名)'} {c.complainant.contact ? `联系电话:${c.complainant.contact}` : ''}
          </View>
        )}
        {c.identity === 'anonymous' && <View className="muted para">匿名投诉:中心任何人都看不到投诉人,无法回访;答复只能由投诉人凭投诉编号在小程序查看。</View>}
        {c.identity === 'hidden' && <View className="muted para">投诉人信息依规保密。</View>}
        {c.handlerName && <View className="para">承办人:{c.handlerName}</View>}
        {c.extension && <View className="para">延期:因{c.extension.reason},延至{dateLabel(c.extension.newDate)}</View>}
        {c.outcome && (
          <View className="para">
            核查结论:{c.outcome.substantiated ? '属实' : '不属实'}。{c.outcome.findings}
            {c.outcome.measure ? ` 处理措施:${c.outcome.measure}` : ''}
          </View>
        )}
        {c.reply && (
          <View className="para">
            答复({c.reply.form === 'oral' ? `口头,${c.reply.means ? REPLY_MEANS_LABELS[c.reply.means] : ''}` : '书面'}):{c.reply.byName} 于 {instantLabel(c.reply.at)}
            {c.reply.onTime ? '(按期)' : '(超期)'}:{c.reply.text}
          </View>
        )}
        {c.rating && <View className="para">投诉人评价:{c.rating === 'satisfied' ? '满意' : '不满意'}</View>}
        {c.reviewRequestedAt && <View className="para">投诉人已申请复核({instantLabel(c.reviewRequestedAt)})</View>}
      </View>

      <View className="card">
        <View className="title">办理环节</View>
        <View className="cmp-steps">
          {c.progress.map((p) => (
            <Text key={p.state} className={`cmp-step${p.done ? ' cmp-step--done' : ''}${p.current ? ' cmp-step--now' : ''}`}>
              {p.label}
            </Text>
          ))}
        </View>
      </View>

      {has('classify') && (
        <View className="card">
          <View className="title">分类</View>
          <Field label="投诉类别" errors={errs('klass')} hint="一般投诉次日(工作日)内答复;复杂或涉及多个单位的5个工作日;重大投诉须为书面,并立即报告中心领导。">
            {COMPLAINT_CLASSES.map((k) => (
              <TapButton key={k} type={(klass ?? (c.classified ? c.klass : null)) === k ? 'primary' : 'secondary'} onTap={() => setKlass(k)}>
                {COMPLAINT_CLASS_LABELS[k]}
              </TapButton>
            ))}
          </Field>
          <TapButton type="primary" loading={busy} disabled={!klass} onTap={() => klass && void act(() => complaintsApi.classify({ complaintId: id, klass }), '分类已保存,谢谢。')}>
            保存分类
          </TapButton>
        </View>
      )}

      {has('assign') && (
        <View className="card">
          <View className="title">{c.handlerId ? '改派承办人' : '指定承办人'}</View>
          <StateView loading={staff.loading && !staff.data} error={staff.error} onRetry={staff.reload} next={staff.next} empty={staff.data && choices.length === 0 ? '对不起,暂无可指定的工作人员,请联系中心管理员添加人员。' : null} />
          <Field label={c.subject.kind === 'window' ? '承办人(被投诉窗口的工作人员不能承办)' : '承办人(被投诉人不能承办)'} errors={errs('handlerId')}>
            {choices.map((p) => (
              <Tap role="radio" checked={handlerId === p.id} label={`选择${p.windowName}${p.name}`} onTap={() => setHandlerId(p.id)} key={p.id} className={`choice${handlerId === p.id ? ' choice--on' : ''}`}>
                {p.windowName} {p.name}
                {p.awayToday ? `(今日不在岗,B角${p.backupName})` : ''}
              </Tap>
            ))}
          </Field>
          <Field label="说明(可不填)" errors={errs('note')}>
            <LabelledInput label="说明(可不填)" value={note} placeholder="如:请窗口负责人核实" onInput={(e) => setNote(e.detail.value)} />
          </Field>
          <TapButton type="primary" loading={busy} disabled={!handlerId} onTap={() => handlerId && void act(() => complaintsApi.assign({ complaintId: id, handlerId, note }), '已指定承办人,并已通知本人,谢谢。')}>
            {c.handlerId ? '确认改派' : '确认指定'}
          </TapButton>
        </View>
      )}

      {has('close') && (
        <View className="card">
          <View className="title">核查结论(处理)</View>
          <Field label="投诉是否属实" errors={errs('substantiated')}>
            <View className="actions">
              <TapButton type={substantiated === true ? 'primary' : 'secondary'} onTap={() => setSubstantiated(true)}>属实</TapButton>
              <TapButton type={substantiated === false ? 'primary' : 'secondary'} onTap={() => setSubstantiated(false)}>不属实</TapButton>
            </View>
          </Field>
          <Field label="核查情况" errors={errs('findings')}>
            <LabelledTextarea label="核查情况" value={findings} maxlength={1000} placeholder="请写明核查经过和结论" onInput={(e) => setFindings(e.detail.value)} />
          </Field>
          <Field label={substantiated ? '处理措施(属实的必填)' : '处理措施(可不填)'} errors={errs('measure')}>
            <LabelledInput label={substantiated ? '处理措施(属实的必填)' : '处理措施(可不填)'} value={measure} placeholder="如:批评教育,全中心通报" onInput={(e) => setMeasure(e.detail.value)} />
          </Field>
          <TapButton type="primary" disabled={substantiated === null} onTap={() => setConfirming('close')}>
            记录核查结论
          </TapButton>
        </View>
      )}

      {has('extend') && (
        <View className="card">
          <View className="title">延期答复</View>
          <View className="muted para">不能按期答复的,请写明原因并选择新的答复日期,系统会立即告知投诉人。</View>
          <Field label="延期原因" errors={errs('reason')}>
            <LabelledInput label="延期原因" value={reason} placeholder="如:涉及多个单位,需共同核实" onInput={(e) => setReason(e.detail.value)} />
          </Field>
          <Field label="新的答复日期(工作日)" errors={errs('newDate')}>
            <StateView loading={days.loading && !days.data} error={days.error} onRetry={days.reload} next={days.next} />
            <View className="day-tabs">
              {(days.data ?? []).map((d) => (
                <Tap role="radio" checked={newDate === d} label={`选择${dateLabel(d)}`} onTap={() => setNewDate(d)} key={d} className={`day-tab${newDate === d ? ' day-tab--on' : ''}`}>
                  {dayLabel(d)}
                </Tap>
              ))}
            </View>
          </Field>
          <TapButton type="primary" loading={busy} disabled={!newDate} onTap={() => newDate && void act(() => complaintsApi.extend({ complaintId: id, reason, newDate }), '已延期,并已告知投诉人,谢谢。')}>
            确认延期
          </TapButton>
        </View>
      )}

      {has('reply') && (
        <View className="card">
          <View className="title">{oral ? '记录口头答复' : '书面答复'}</View>
          <View className="muted para">
            {oral
              ? `此投诉通过${c.channelLabel}提出,请电话或当面答复后,在此记录答复方式和要点(答复人、时间由系统记录)。`
              : '此投诉为书面或小程序投诉,请书面答复:投诉人可在小程序查看,也可打印答复书交给投诉人。'}
          </View>
          {oral && (
            <Field label="答复方式" errors={errs('means')}>
              <View className="actions">
                {REPLY_MEANS.map((m) => (
                  <TapButton key={m} type={means === m ? 'primary' : 'secondary'} onTap={() => setMeans(m)}>
                    {REPLY_MEANS_LABELS[m]}
                  </TapButton>
                ))}
              </View>
            </Field>
          )}
          <Field label={oral ? '答复要点' : '答复内容'} errors={errs('text')}>
            <LabelledTextarea label={oral ? '答复要点' : '答复内容'} value={replyText} maxlength={2000} placeholder={oral ? '如:已向投诉人说明核查结果,投诉人表示理解' : '您好,关于您反映的……'} onInput={(e) => setReplyText(e.detail.value)} />
          </Field>
          <TapButton type="primary" disabled={oral && !means} onTap={() => setConfirming('reply')}>
            提交答复
          </TapButton>
        </View>
      )}

      {has('document') && (
        <TapButton onTap={() => void Taro.navigateTo({ url: `/office/complaint-doc/index?id=${encodeURIComponent(id)}` })}>
          查看并打印答复书(A4)
        </TapButton>
      )}

      {(has('carriedOut') || has('archive')) && (
        <View className="card">
          <View className="title">执行与归档</View>
          {has('carriedOut') && (
            <>
              <Field label="执行情况" errors={errs('note')}>
                <LabelledInput label="执行情况" value={note} placeholder="如:已于本月全中心通报" onInput={(e) => setNote(e.detail.value)} />
              </Field>
              <TapButton type="primary" onTap={() => setConfirming('carriedOut')}>登记已执行</TapButton>
            </>
          )}
          {has('archive') && (
            <TapButton type="primary" onTap={() => setConfirming('archive')}>归档</TapButton>
          )}
        </View>
      )}

      {message && <View className="card">{message}</View>}

      <View className="card">
        <View className="title">办理记录</View>
        <TrailList steps={res.data?.steps ?? []} />
      </View>

      {confirming && <ConfirmDialog title={CONFIRM_TITLES[confirming]} act={CONFIRM_ACTS[confirming]} busy={busy} onConfirm={() => void doConfirmed()} onCancel={() => setConfirming(null)} />}
    </PageShell>
  );
}

export default function Page() {
  return (
    <RoleGate roles={['staff', 'office', 'leader', 'admin']} who="中心工作人员">
      <Detail />
    </RoleGate>
  );
}

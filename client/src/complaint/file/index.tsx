import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import Tap, { TapButton } from '../../components/tap';
import PageShell from '../../components/page-shell';
import Field from '../../components/field';
import Section from '../../components/section';
import StateView from '../../components/state-view';
import { api } from '../../services/api';
import { complaintsApi } from '../../services/fn/complaints';
import { dateLabel } from '../../services/format';
import { getCenterId, getSession } from '../../services/session';
import { useAction } from '../../services/use-action';
import { useLoad } from '../../services/use-load';
import Choice from '../choice';
import { emptyDraft, fileRequest, type ComplaintDraft, type SubjectChoice } from '../form';
import '../complaint.scss';
import LabelledInput, { LabelledTextarea } from '../../components/labelled-input';

interface Filed {
  id: string;
  number: string;
  secret: string;
  deadline: string;
}

const sameSubject = (a: SubjectChoice | null, b: SubjectChoice): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * 我要投诉 (R-CMP-1, R-CMP-5): what it is about (a window, one of my cases or bookings, or the
 * center), the facts and the wish in plain words, 重大投诉 and anonymity explained before
 * submitting; the tracking number and 查询码 shown large at once. Staff are not listed by any
 * villager action, so a complaint about a person names their window and the facts name them.
 */
export default function FileComplaint() {
  const session = getSession();
  const role = session?.user.role;
  const isAgent = role === 'agent';
  const centerId = getCenterId() ?? '';
  const [d, setD] = useState<ComplaintDraft>(emptyDraft);
  const [filed, setFiled] = useState<Filed | null>(null);
  // After a refused submit, each field shows what is still missing, updated as the form is filled.
  const [tried, setTried] = useState(false);
  const act = useAction();
  const set = (p: Partial<ComplaintDraft>) => setD((x) => ({ ...x, ...p }));
  const ok = role === 'villager' || isAgent;

  const home = useLoad(async () => (centerId ? (await api.catalog.home({ centerId })).windows : []), centerId);
  const cases = useLoad(async () => (ok ? (await api.cases.myMatters({})).cases : []), `c|${ok}`);
  const bookings = useLoad(async () => (ok ? (await api.booking.mine({})).bookings : []), `b|${ok}`);
  const residents = useLoad(async () => (isAgent ? (await api.residents.list({})).residents.filter((r) => r.authorization?.state === 'active') : []), `r|${isAgent}`);

  if (!ok) {
    return (
      <PageShell>
        <View className="card">
          <View>您好,在小程序中投诉请先登录(选择您所在的服务中心)。您也可以拨打中心监督投诉电话,或到中心办公室当面投诉,谢谢。</View>
          <Tap role="link" className="link" onTap={() => void Taro.reLaunch({ url: process.env.TARO_ENV === 'weapp' ? '/pages/centers/index' : '/pages/login/index' })}>
            {process.env.TARO_ENV === 'weapp' ? '选择服务中心 ›' : '选择演示身份 ›'}
          </Tap>
        </View>
      </PageShell>
    );
  }

  if (filed) {
    return (
      <PageShell>
        <View className="card">
          <View className="hero">谢谢您的监督,投诉已受理</View>
          <View className="muted">投诉编号</View>
          <View className="cmp-big">{filed.number}</View>
          <View className="muted">查询码</View>
          <View className="cmp-big">{filed.secret}</View>
          <View className="cmp-text cmp-warn">请记下投诉编号和查询码(可截图或抄在纸上)。凭这两项,在任何手机上打开“投诉查询”都能看到办理进度和答复{d.anonymous ? ';匿名投诉只能这样查看答复' : ''}。</View>
          <View className="cmp-text">我们将于{dateLabel(filed.deadline)}前答复您。</View>
          <View className="actions">
            {!d.anonymous && (
              <TapButton type="primary" onTap={() => Taro.redirectTo({ url: `/complaint/detail/index?id=${encodeURIComponent(filed.id)}` })}>
                查看投诉进度
              </TapButton>
            )}
            <TapButton type="secondary" onTap={() => Taro.redirectTo({ url: '/complaint/mine/index' })}>
              我的投诉
            </TapButton>
          </View>
        </View>
      </PageShell>
    );
  }

  const submit = async () => {
    const r = fileRequest(d);
    setTried(true);
    if (!r.ok) {
      act.setMessage(null);
      return;
    }
    await act.run(async () => {
      const out = await complaintsApi.file(r.input);
      setFiled({ id: out.complaint.id, number: out.trackingNumber, secret: out.secret, deadline: out.complaint.extension?.newDate ?? out.complaint.deadline });
    });
  };
  const check = fileRequest(d);
  const missing = tried && !check.ok ? check.issues : [];
  const local = (field: string): string[] => [...missing.filter((i) => i.field === field).map((i) => i.message), ...act.errs(field)];
  const pick = (s: SubjectChoice) => set({ subject: s });

  return (
    <PageShell>
      <View className="card">
        <View className="muted">您好!对中心窗口或工作人员的服务有意见,请告诉我们。投诉直接送到中心管理办公室,被投诉的工作人员看不到是谁投诉的,谢谢您的监督。</View>
      </View>

      {isAgent && (
        <Section title="为谁投诉(可不选)">
          <View className="muted">您可以为已授权的群众代为投诉;不选则以您本人名义投诉。</View>
          <StateView loading={residents.loading} error={residents.error} onRetry={residents.reload} next={residents.next} />
          <Choice label="我本人" on={!d.residentId} onTap={() => set({ residentId: null })} />
          {(residents.data ?? []).map((r) => (
            <Choice key={r.id} label={r.name} note="已授权" on={d.residentId === r.id} onTap={() => set({ residentId: r.id })} />
          ))}
        </Section>
      )}

      <Section title="第一步:您要投诉什么?">
        <Field label="请点选一项" errors={local('subjectKind')}>
          <Choice label="中心整体服务" note="如环境、秩序、办事流程" on={sameSubject(d.subject, { kind: 'center' })} onTap={() => pick({ kind: 'center' })} />
          <View className="muted">某个窗口或窗口的工作人员:</View>
          <StateView loading={home.loading} error={home.error} onRetry={home.reload} next={home.next} />
          {(home.data ?? []).map((w) => (
            <Choice key={w.id} label={w.name} on={sameSubject(d.subject, { kind: 'window', windowId: w.id })} onTap={() => pick({ kind: 'window', windowId: w.id })} />
          ))}
          {(cases.data ?? []).length > 0 && <View className="muted">我的办件:</View>}
          {(cases.data ?? []).map((c) => (
            <Choice key={c.id} label={c.itemName} note={`办件编号 ${c.number}`} on={sameSubject(d.subject, { kind: 'case', caseId: c.id })} onTap={() => pick({ kind: 'case', caseId: c.id })} />
          ))}
          {(bookings.data ?? []).length > 0 && <View className="muted">我的预约:</View>}
          {(bookings.data ?? []).map((b) => (
            <Choice key={b.id} label={b.itemName} note={`预约 ${dateLabel(b.date)} ${b.start}`} on={sameSubject(d.subject, { kind: 'booking', bookingId: b.id })} onTap={() => pick({ kind: 'booking', bookingId: b.id })} />
          ))}
        </Field>
      </Section>

      <Section title="第二步:发生了什么,您希望怎么处理?">
        <Field label="事情经过" hint="请写清时间、窗口、经过;知道工作人员姓名或工号的,也请写上。" errors={local('facts')}>
          <LabelledTextarea label="事情经过" value={d.facts} maxlength={1000} placeholder="如:11月20日上午,在社保窗口办理养老保险,工作人员未说明原因就让我回去。" onInput={(e) => set({ facts: e.detail.value })} />
        </Field>
        <Field label="您的诉求" errors={local('wants')}>
          <LabelledTextarea label="您的诉求" value={d.wants} maxlength={300} placeholder="如:希望说明原因,尽快为我办理。" onInput={(e) => set({ wants: e.detail.value })} />
        </Field>
      </Section>

      <Section title="第三步:投诉方式">
        <Field label="是否重大投诉" hint="重大投诉指涉及违法违纪、造成严重后果或影响较大的问题,需要书面投诉;在小程序中填写的文字即为书面投诉。中心将报告中心领导,并报纪检监察部门。">
          <Choice label="一般投诉" on={!d.major} onTap={() => set({ major: false })} />
          <Choice label="重大投诉(需书面)" on={d.major} onTap={() => set({ major: true })} />
        </Field>
        <Field label="是否匿名">
          <Choice label="实名投诉(推荐)" note="只有中心办公室、承办人和中心领导能看到您的姓名和电话,便于回访" on={!d.anonymous} onTap={() => set({ anonymous: false })} />
          <Choice label="匿名投诉" on={d.anonymous} onTap={() => set({ anonymous: true })} />
          {d.anonymous && (
            <View className="cmp-text cmp-warn">
              请您了解:匿名投诉后,中心任何人都看不到是谁投诉的;答复只能凭投诉编号和查询码在小程序“投诉查询”中查看;中心无法给您回电或回访。
            </View>
          )}
        </Field>
        {!d.anonymous && (
          <Field label="联系电话(可不填)" hint="方便承办人电话联系您;只有中心办公室、承办人和中心领导能看到。" errors={local('contact')}>
            <LabelledInput label="联系电话(可不填)" type="number" value={d.contact} maxlength={13} placeholder="如:13800138000" onInput={(e) => set({ contact: e.detail.value })} />
          </Field>
        )}
      </Section>

      {missing.length > 0 && <View className="card error">对不起,还有{missing.length}处需要补充,请按上面的红字提示填写后再提交,谢谢。</View>}
      {act.message && <View className="card error">{act.message}</View>}
      <TapButton type="primary" loading={act.busy} onTap={() => void submit()}>
        {d.anonymous ? '提交匿名投诉' : '提交投诉'}
      </TapButton>
      <View className="muted">提交后会立即给您投诉编号和查询码。一般投诉在下一个工作日结束前答复,复杂投诉在5个工作日内答复。</View>
    </PageShell>
  );
}

import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { EXPORT_KIND_LABELS, EXPORT_KINDS, type ExportKind } from '@shared/contracts/reports';
import { isMonth, monthLabel } from '@shared/domain/duty';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import { messageOf } from '../../services/api';
import { reportsApi } from '../../services/fn/reports';
import { downloadInBrowser, shareInWeapp, writeInWeapp } from './save';
import '../report.scss';
import { TapButton } from '../../components/tap';

const IN_WECHAT = process.env.TARO_ENV === 'weapp';

type Done = { fileName: string; rows: number; filePath?: string };

/**
 * 导出月度数据 (issue 10.7): a month's cases, complaints, ratings and rectifications, one CSV file
 * each — four files rather than a zip: each opens straight in Excel (UTF-8 with BOM), and WeChat
 * sends one file at a time. Names, ID numbers and phones are masked; each export is recorded.
 */
function Export() {
  const { params } = useRouter();
  const month = isMonth(params.month ?? '') ? (params.month as string) : null;
  const [done, setDone] = useState<Partial<Record<ExportKind, Done>>>({});
  const [busy, setBusy] = useState<ExportKind | 'all' | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  if (!month) {
    return (
      <PageShell>
        <View className="card">请先在“月度服务评价”页选择月份,再点“导出数据”,谢谢。</View>
        <TapButton type="primary" onTap={() => void Taro.redirectTo({ url: '/report/month/index' })}>
          打开月度服务评价
        </TapButton>
      </PageShell>
    );
  }

  const fetchOne = async (kind: ExportKind): Promise<void> => {
    const file = await reportsApi.exportMonth({ month, kind });
    if (IN_WECHAT) {
      const filePath = await writeInWeapp(file.fileName, file.csv);
      setDone((d) => ({ ...d, [kind]: { fileName: file.fileName, rows: file.rows, filePath } }));
    } else {
      downloadInBrowser(file.fileName, file.csv);
      setDone((d) => ({ ...d, [kind]: { fileName: file.fileName, rows: file.rows } }));
    }
  };
  const run = async (which: ExportKind | 'all') => {
    if (busy) return;
    setBusy(which);
    setMessage(null);
    try {
      for (const kind of which === 'all' ? EXPORT_KINDS : [which]) await fetchOne(kind);
    } catch (e) {
      setMessage(messageOf(e));
    } finally {
      setBusy(null);
    }
  };
  const share = (kind: ExportKind) => {
    const d = done[kind];
    // Straight from the tap: WeChat refuses shareFileMessage after an await.
    if (d?.filePath) shareInWeapp(d.filePath, d.fileName).catch(() => setMessage('文件没有发送出去;请再点一次“发送到微信聊天”,或稍后再试。'));
  };

  return (
    <PageShell>
      <View className="card">
        <View className="title">导出{monthLabel(month)}数据</View>
        <View className="para">每类数据一个CSV表格文件,用Excel或WPS可直接打开。为保护群众个人信息,姓名、身份证号和电话号码都已部分隐去;每次导出都会记录导出人和时间。</View>
        {IN_WECHAT ? (
          <View className="muted para">在微信中:先点“生成文件”,文件保存在本小程序的文件夹里;再点“发送到微信聊天”,发给自己或“文件传输助手”,在电脑上打开即可。</View>
        ) : (
          <View className="muted para">在浏览器中:点按钮后文件会下载到本机的“下载”文件夹。</View>
        )}
      </View>
      {EXPORT_KINDS.map((kind) => {
        const d = done[kind];
        return (
          <View key={kind} className="card" data-kind={kind}>
            <View className="title">{EXPORT_KIND_LABELS[kind]}</View>
            <TapButton type="primary" loading={busy === kind} disabled={busy !== null} onTap={() => void run(kind)}>
              {IN_WECHAT ? `生成${EXPORT_KIND_LABELS[kind]}文件` : `下载${EXPORT_KIND_LABELS[kind]}(CSV)`}
            </TapButton>
            {d && (
              <View className="para success">
                {IN_WECHAT ? '已生成' : '已下载'}:{d.fileName}({d.rows}行数据)
              </View>
            )}
            {IN_WECHAT && d?.filePath && (
              <TapButton onTap={() => share(kind)}>
                发送到微信聊天
              </TapButton>
            )}
          </View>
        );
      })}
      {!IN_WECHAT && (
        <TapButton loading={busy === 'all'} disabled={busy !== null} onTap={() => void run('all')}>
          全部下载(4个文件)
        </TapButton>
      )}
      {message && <View className="card error">{message}</View>}
    </PageShell>
  );
}

export default function Page() {
  return (
    <RoleGate roles={['office']} who="中心管理办公室">
      <Export />
    </RoleGate>
  );
}

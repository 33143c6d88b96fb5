import { View } from '@tarojs/components';
import { documentDate } from '@shared/domain/time';
import NavRow from '../../components/nav-row';
import PageShell from '../../components/page-shell';
import StateView from '../../components/state-view';
import { disclosureApi } from '../../services/fn/disclosure';
import ChooseCenter from '../../components/choose-center';
import { usePublicCenter, withCenter } from '../../services/public-center';
import { getSession } from '../../services/session';
import { useLoad } from '../../services/use-load';
import PublicationSections from '../sections';
import '../open.scss';

/**
 * 政务公开 (R-CAT-4): the center's current publication — organisation, windows, staff, service
 * commitments, supervision channels, complaint figures, duty roster — without signing in; the
 * earlier versions and the pre-publications one tap away.
 */
export default function OpenCurrent() {
  const session = getSession();
  const centerId = usePublicCenter();
  const res = useLoad(async () => (centerId ? disclosureApi.current({ centerId }) : null), centerId ?? '');
  const v = res.data?.version;
  if (!centerId) {
    return (
      <PageShell>
        <ChooseCenter />
      </PageShell>
    );
  }
  return (
    <PageShell>
      <View className="muted">您好!这里是本中心依规公开的内容,每次公开都存档,您可以查看历次版本,欢迎监督。</View>
      <StateView loading={res.loading && !res.data} error={res.error} onRetry={res.reload} next={res.next} empty={res.data && !v ? '对不起,本中心还没有发布政务公开内容,请稍后再来查看;如有疑问,请拨打中心咨询电话。' : null} />
      <View className="card">
        {v && (
          <View className="title">
            第{v.number}期 · {documentDate(v.publishedOn)}发布 · 发布人:{v.publisherName}
          </View>
        )}
        <NavRow label="历次公开版本(存档)" url={withCenter('/open/history/index', centerId)} />
        <NavRow label="意见征集(预公开)" url={withCenter('/open/prepubs/index', centerId)} />
        {session?.user.role === 'admin' && session.user.centerId === centerId && <NavRow label="编制并发布政务公开(管理员)" url="/open/compose/index" />}
      </View>
      {v && <PublicationSections s={v.sections} />}
    </PageShell>
  );
}

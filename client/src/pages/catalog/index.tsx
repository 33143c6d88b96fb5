import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import ItemRow from '../../components/item-row';
import PageShell from '../../components/page-shell';
import SearchBox from '../../components/search-box';
import StateView from '../../components/state-view';
import { api } from '../../services/api';
import { getCenterId } from '../../services/session';
import { useLoad } from '../../services/use-load';
import PhoneLink from '../../components/phone-link';

/** The catalog: one window's items, all items, or search results (R-CAT-2: one tap to a guide). */
export default function Catalog() {
  const { params } = useRouter();
  const windowId = params.windowId ? decodeURIComponent(params.windowId) : undefined;
  const [q, setQ] = useState(params.q ? decodeURIComponent(params.q) : '');
  const [query, setQuery] = useState(q);
  const centerId = getCenterId() ?? '';

  const list = useLoad(async () => {
    if (query.trim()) {
      const r = await api.catalog.search({ centerId, q: query.trim() });
      return { items: r.items, window: null };
    }
    return api.catalog.listItems(windowId ? { centerId, windowId } : { centerId });
  }, `${centerId}|${windowId ?? ''}|${query}`);

  const windows = useLoad(() => api.catalog.home({ centerId }), centerId);
  const windowName = new Map((windows.data?.windows ?? []).map((w) => [w.id, w.name]));

  const submit = () => {
    if (!q.trim()) {
      Taro.showToast({ title: '请输入要办理的事项名称', icon: 'none' });
      return;
    }
    setQuery(q);
  };

  const w = list.data?.window;
  return (
    <PageShell>
      <SearchBox
        value={q}
        placeholder="请输入事项名称或关键词"
        onChange={(v) => {
          setQ(v);
          // Emptied: the list again, as the old bar's clear button did.
          if (!v.trim()) setQuery('');
        }}
        onSearch={submit}
      />
      {w && (
        <View className="card">
          <View className="hero">{w.name}</View>
          <View className="muted">{w.duties}</View>
          <View className="muted">
            窗口电话:<PhoneLink phone={w.phone} what={`${w.name}电话`} />
          </View>
        </View>
      )}
      <StateView
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        next={list.next}
        empty={
          list.data && list.data.items.length === 0
            ? query
              ? `对不起,没有找到与“${query}”相关的事项。请换个说法再试,或拨打中心咨询电话,我们帮您查询。`
              : '该窗口暂无可预约办理的事项,请返回首页选择其他窗口。'
            : null
        }
      />
      {list.data && list.data.items.length > 0 && (
        <View className="card">
          <View className="title">{query ? `“${query}”的查找结果(${list.data.items.length}项)` : `共${list.data.items.length}项`}</View>
          {list.data.items.map((item) => (
            <ItemRow key={item.id} item={item} windowName={w ? undefined : windowName.get(item.windowId)} />
          ))}
        </View>
      )}
      <Text className="muted">点事项即可查看完整的办事指南和材料清单。</Text>
    </PageShell>
  );
}

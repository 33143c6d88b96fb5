import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { Loaded } from '../../services/use-load';
import PageShell from '../page-shell';
import StateView from '../state-view';
import NoticeSheet from '.';

/** What every printable document the server composes carries. */
export interface SheetText {
  centerName: string;
  title: string;
  paragraphs: string[];
}

/**
 * A page showing one loaded document on its A4 sheet (case notices, the complaint's 答复书, the
 * petition's 交办单 and 告知书): the loading and failure states (返回 after a refusal), the body
 * paragraphs, then what each kind adds below them (`children`).
 */
export default function NoticePage<T extends SheetText>({
  res,
  number,
  issued,
  children,
}: {
  res: Loaded<T>;
  number: (d: T) => string;
  /** The issue date, already written out (2026年11月30日). */
  issued: (d: T) => string;
  children?: (d: T) => ReactNode;
}) {
  const d = res.data;
  if (!d) {
    return (
      <PageShell>
        <StateView loading={res.loading} error={res.error} onRetry={res.reload} next={res.next} />
      </PageShell>
    );
  }
  return (
    <PageShell className="page--doc">
      <NoticeSheet centerName={d.centerName} title={d.title} number={number(d)} issued={issued(d)}>
        {d.paragraphs.map((p) => (
          <View key={p} className="notice-sheet__para">
            {p}
          </View>
        ))}
        {children?.(d)}
      </NoticeSheet>
    </PageShell>
  );
}

import { View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { AtButton } from 'taro-ui';
import '../../pages/case-notice/index.scss';

/**
 * A written notice laid out on one A4 sheet (case notices, the complaint's 答复书): the center,
 * title and number on top, the body, the seal line and date (`issued`, already written out as
 * 2026年11月30日), and in H5 the print button.
 */
export default function NoticeSheet({ centerName, title, number, issued, children }: PropsWithChildren<{ centerName: string; title: string; number: string; issued: string }>) {
  return (
    <View className="notice-sheet">
      <View className="notice-sheet__center">{centerName}</View>
      <View className="notice-sheet__title">{title}</View>
      <View className="notice-sheet__no">编号:{number}</View>
      {children}
      <View className="notice-sheet__sign">
        <View>{centerName}(盖章)</View>
        <View>{issued}</View>
      </View>
      {process.env.TARO_ENV === 'h5' && (
        <View className="notice-sheet__print">
          <AtButton type="primary" onClick={() => window.print()}>
            打印
          </AtButton>
        </View>
      )}
    </View>
  );
}

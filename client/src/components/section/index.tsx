import { View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';

/** A titled card. */
export default function Section({ title, children }: PropsWithChildren<{ title: string }>) {
  return (
    <View className="card">
      <View className="title">{title}</View>
      {children}
    </View>
  );
}

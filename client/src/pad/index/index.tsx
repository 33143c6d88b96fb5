import { View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import type { RatingLevel } from '@shared/domain/ratings';
import PageShell from '../../components/page-shell';
import RatingFaces, { SubIndicatorRows, type SubPicks } from '../../components/rating-faces';
import RoleGate from '../../components/role-gate';
import { messageOf } from '../../services/api';
import { ratingsApi } from '../../services/fn/ratings';
import './index.scss';

/** How often the pad asks for the window's next finished case, and how long "thank you" shows. */
const POLL_MS = 4000;
const THANKS_MS = 4000;

type Matter = NonNullable<Awaited<ReturnType<typeof ratingsApi.padNext>>['matter']>;

/**
 * 评价器 (R-RATE-1): the pad at one window. It waits for the clerk to finish a case, shows the
 * matter (item, clerk, masked applicant) with five huge faces and their words; one tap rates it
 * (the sub-indicators above are optional), a thank-you shows, and it returns to waiting. Nothing
 * to type, nothing to read beyond the faces' words.
 */
export default function RatingPad() {
  const [windowName, setWindowName] = useState('');
  const [matter, setMatter] = useState<Matter | null>(null);
  const [subs, setSubs] = useState<SubPicks>({});
  const [thanks, setThanks] = useState<{ label: string; bad: boolean } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const busy = useRef(false);
  const paused = useRef(false);

  const poll = async () => {
    if (busy.current || paused.current) return;
    busy.current = true;
    try {
      const r = await ratingsApi.padNext({});
      setWindowName(r.windowName);
      setMatter((cur) => (cur?.caseId === r.matter?.caseId ? cur : r.matter));
      setProblem(null);
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      busy.current = false;
    }
  };

  useEffect(() => {
    void poll();
    const t = setInterval(() => void poll(), POLL_MS);
    return () => clearInterval(t);
  }, []);

  const rate = async (level: RatingLevel) => {
    if (!matter || busy.current) return;
    busy.current = true;
    paused.current = true;
    try {
      const r = await ratingsApi.padRate({ caseId: matter.caseId, level, subIndicators: subs });
      setThanks({ label: r.levelLabel, bad: r.bad });
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      busy.current = false;
      setMatter(null);
      setSubs({});
      setTimeout(() => {
        setThanks(null);
        paused.current = false;
        void poll();
      }, THANKS_MS);
    }
  };

  return (
    <RoleGate roles={['pad']} who="窗口评价器">
      <PageShell className="pad">
        <View className="pad__window">{windowName || '服务评价'}</View>
        {thanks ? (
          <View className="pad__wait">
            <View className="pad__big">谢谢您的评价!</View>
            <View className="pad__line">您的评价:{thanks.label}</View>
            {thanks.bad && <View className="pad__line">对不起,给您添麻烦了,中心会认真整改。</View>}
          </View>
        ) : matter ? (
          <View>
            <View className="pad__big">请您为这次服务评价</View>
            <View className="pad__line">
              {matter.itemName} · 工作人员 {matter.clerkName} · {matter.applicantMasked}
            </View>
            <RatingFaces value={null} onPick={(l) => void rate(l)} huge />
            <View className="pad__subs">
              <View className="pad__line">也可以先点选分项(可不选):</View>
              <SubIndicatorRows value={subs} onChange={setSubs} />
            </View>
          </View>
        ) : (
          <View className="pad__wait">
            <View className="pad__big">您好,欢迎办事</View>
            <View className="pad__line">办理完成后,请在这里点一个表情评价我们的服务。</View>
          </View>
        )}
        {problem && <View className="pad__line error">{problem}</View>}
      </PageShell>
    </RoleGate>
  );
}

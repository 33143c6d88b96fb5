/**
 * WeChat's 读屏 reads a view's role, name and state from the aria-* attributes the mini-program
 * supports (issue 11). Taro's weapp template writes only the attributes it knows for each
 * component, so without this the aria-role / aria-label / aria-checked … that components/tap sets
 * would be dropped from base.wxml. This plugin adds them to View and Text.
 */
const ARIA = ['aria-role', 'aria-label', 'aria-checked', 'aria-selected', 'aria-disabled', 'aria-hidden'];

module.exports = (ctx) => {
  ctx.modifyRunnerOpts(({ opts }) => {
    const template = opts && opts.template;
    if (process.env.TARO_ENV !== 'weapp' || !template || typeof template.mergeComponents !== 'function') return;
    const attrs = Object.fromEntries(ARIA.map((a) => [a, '']));
    template.mergeComponents(ctx, { View: attrs, Text: { ...attrs } });
  });
};

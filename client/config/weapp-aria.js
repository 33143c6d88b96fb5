/**
 * WeChat's 读屏 reads a view's role, name and state from the aria-* attributes the mini-program
 * supports (issue 11). Taro's weapp template writes only the attributes it knows for each
 * component, so without this the aria-role / aria-label / aria-checked … that components/tap sets
 * would be dropped from base.wxml. Taro offers no hook that reaches the platform's template (the
 * runner options it builds come after modifyRunnerOpts), so this plugin joins our attributes to
 * every merge of components the platform makes (BaseTemplate.mergeComponents, once per build).
 */
// Only View: every control of the app is a View (components/tap); a Text's name is its text. Each
// attribute is written into every view template of base.wxml, in the main package (600 KB limit).
const ARIA = ['aria-role', 'aria-label', 'aria-checked', 'aria-selected', 'aria-disabled'];

module.exports = () => {
  const { BaseTemplate } = require('@tarojs/shared/dist/template');
  const merge = BaseTemplate.prototype.mergeComponents;
  if (merge.withAria) return;
  const patched = function (ctx, patch) {
    const attrs = Object.fromEntries(ARIA.map((a) => [a, '']));
    merge.call(this, ctx, patch);
    merge.call(this, ctx, { View: attrs });
  };
  patched.withAria = true;
  BaseTemplate.prototype.mergeComponents = patched;
};

// babel-preset-taro: see the Taro docs on Babel configuration.
/**
 * The contracts in shared/contracts declare each action once, with a `summary` for readers of the
 * code and the README. The app never shows them, and the whole registry ships in the weapp main
 * package (WeChat limits it; the project's target is 600 KB), so the client build drops the
 * `summary` property of every `action({...})` call.
 */
function stripActionSummaries({ types: t }) {
  return {
    name: 'strip-action-summaries',
    visitor: {
      CallExpression(path) {
        if (!t.isIdentifier(path.node.callee, { name: 'action' })) return;
        const [arg] = path.node.arguments;
        if (!t.isObjectExpression(arg)) return;
        arg.properties = arg.properties.filter((p) => !(t.isObjectProperty(p) && t.isIdentifier(p.key, { name: 'summary' })));
      },
    },
  };
}

module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  plugins: [stripActionSummaries],
};

// babel-preset-taro: see the Taro docs on Babel configuration.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};

import path from 'path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

const sharedDir = path.resolve(__dirname, '..', '..', 'shared');

export default defineConfig<'webpack5'>(() => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'township-service-center',
    date: '2026-11-27',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    // WeChat's 读屏 attributes on View and Text in the weapp template (issue 11).
    plugins: [path.resolve(__dirname, 'weapp-aria.js')],
    defineConstants: { CLOUD_ENV_ID: JSON.stringify(process.env.CLOUD_ENV_ID ?? '') },
    alias: { '@shared': sharedDir },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    sass: {},
    mini: {
      compile: { include: [sharedDir] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      sassLoaderOption: { sassOptions: { silenceDeprecations: ['legacy-js-api', 'import'], quietDeps: true } },
      optimizeMainPackage: { enable: true },
      // Template levels written into base.wxml (main package, 600 KB): 12 instead of Taro's 16. Deeper
      // nodes go through Taro's recursive comp component, as they already did past 16. The saved
      // bytes pay for the aria-* attributes WeChat's 读屏 reads on every view template (weapp-aria.js).
      // (Read by Taro's MiniPlugin; missing from Taro's config type, hence the spread.)
      ...({ baseLevel: 12 } as object),
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [sharedDir] },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[hash].css', chunkFilename: 'css/[name].[chunkhash].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      sassLoaderOption: { sassOptions: { silenceDeprecations: ['legacy-js-api', 'import'], quietDeps: true } },
    },
  };
  return config;
});

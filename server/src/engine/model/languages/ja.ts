/** Japanese. Told from Chinese by its kana; dates are written with 年, 月, 日 and 四半期 (model/dates.ts). */
import type { LanguageData } from './types.js';

export const ja: LanguageData = {
  code: 'ja',
  name: 'Japanese',
  nativeName: '日本語',
  franc: 'jpn',
  script: 'cjk',
  functionWords: ['の', 'は', 'を', 'に', 'が', 'で', 'と', 'も', 'から', 'まで'],
  sections: {
    'diagnosis': ['診断', '現状分析', '現状と課題', '課題', '課題認識', '問題', '問題提起', '問題の定義', '現状', '背景と課題', '状況', 'なぜ今か', 'なぜ今'],
    'guiding-policy': ['基本方針', '方針', '指針', '指導方針', '戦略', '戦略方針', 'アプローチ', '私たちのアプローチ', '原則', '勝ち筋', 'どこで戦うか'],
    'coherent-actions': ['行動計画', 'アクションプラン', '施策', '具体的施策', '実行計画', '実施計画', 'アクション', '一貫した行動', '取り組み', '次のステップ', '計画'],
    'summary': ['概要', '要約', 'エグゼクティブサマリー', 'サマリー', 'まとめ', '結論', '提言', '推奨事項', '決定事項', '決定'],
    'non-goals': ['非ゴール', '対象外', 'スコープ外', 'やらないこと', '行わないこと', 'トレードオフ'],
    'risks': ['リスク', 'リスクと対策', 'リスクと軽減策', '懸念事項', '想定されるリスク'],
    'metrics': ['成功指標', '指標', '評価指標', '成果指標', '目標', '目標と主要な結果', '主要な結果', '測定方法'],
    'options': ['選択肢', '検討した選択肢', '代替案', '検討した代替案', 'オプション'],
    'audience': ['対象読者', '読者', '想定読者', '対象者'],
  },
  titles: {
    'strategy': ['戦略', 'ビジョン', 'ミッション', '経営計画', '中期計画'],
    'roadmap': ['ロードマップ'],
    'okr': ['okr', '目標'],
    'release-notes': ['リリースノート', '変更履歴', '更新情報', '新機能'],
    'decision': ['意思決定', '設計書', '設計ドキュメント', '提案書', '決定記録', 'adr', 'rfc'],
    'update': ['進捗報告', '月次報告', '週次報告', '四半期報告', '状況報告', '活動報告', 'アップデート'],
  },
  guideTitles: ['テンプレート', 'ガイド', '書き方', '手引き', '入門', 'とは'],
  headings: { foldAccents: false, articles: [], joiners: [], compounds: true },
  dates: {
    months: [], monthAbbreviations: [], joiners: [], ordinals: [], ordinalSuffixes: [], quarterWords: [], quarterLetters: [], halfWords: [],
    halfLetters: [], yearLeads: [], monthLeads: [],
    relative: [
      '(?:\\d{1,3}|[一二三四五六七八九十]{1,3})\\s?(?:か月|ヶ月|ヵ月|カ月|週間|日|年)\\s?(?:以内|後|内)',
      '(?:今期|来期|今四半期|来四半期|次の四半期|今年度|来年度|今年|来年|年内|年度内|期内|今月|来月|今週|来週|年末まで|期末まで)',
    ],
    dayFirst: false,
  },
  dateColumns: ['期限', '時期', '日付', '予定', '期日', 'スケジュール', '四半期', 'マイルストーン'],
  ownerLabels: ['担当', '担当者', '責任者', 'オーナー', '主担当'],
  measures: {
    baseline: ['\\d[\\d.,]*\\s?[%％]?\\s?から\\s?\\d', '(?:現在|現状|ベースライン|基準値|前年|昨年|前期)'],
    relative: ['\\d[\\d.,]*\\s?(?:[%％]|ポイント)\\s?(?:増|減|向上|改善|削減|増加|減少|アップ|ダウン)', '(?:倍増|半減|\\d{1,3}倍|維持)'],
  },
  ruleOptions: {
    'kernel/action-no-owner': { timeWords: ['マイルストーン', '継続', '随時', '毎週', '毎月', '四半期ごと', '即時'] },
    'decision/no-owner': { labels: ['担当', '担当者', '責任者', 'オーナー', '作成者', '著者'] },
  },
};

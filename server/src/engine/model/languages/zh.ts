/** Chinese (simplified). Dates are written with 年, 月, 日 and 季度 (model/dates.ts). */
import type { LanguageData } from './types.js';

export const zh: LanguageData = {
  code: 'zh',
  name: 'Chinese',
  nativeName: '中文',
  franc: 'cmn',
  script: 'cjk',
  functionWords: ['的', '是', '在', '和', '了', '我们', '将', '为', '与'],
  sections: {
    'diagnosis': ['诊断', '现状分析', '现状与挑战', '核心挑战', '挑战', '问题', '问题陈述', '问题定义', '现状', '形势分析', '为什么是现在'],
    'guiding-policy': ['指导方针', '指导原则', '方针', '总体方针', '战略', '策略', '战略方向', '我们的方法', '方法', '原则', '如何取胜', '在哪里竞争'],
    'coherent-actions': ['行动计划', '行动', '一致的行动', '具体措施', '措施', '举措', '关键举措', '执行计划', '实施计划', '下一步', '后续步骤', '计划'],
    'summary': ['摘要', '概要', '总结', '执行摘要', '概述', '结论', '建议', '决策', '决定'],
    'non-goals': ['非目标', '不在范围内', '范围之外', '不做什么', '我们不做的事', '取舍', '权衡'],
    'risks': ['风险', '风险与应对', '风险与缓解措施', '风险分析', '可能出错的地方'],
    'metrics': ['成功指标', '指标', '衡量指标', '关键指标', '目标', '目标与关键结果', '关键结果', '如何衡量成功'],
    'options': ['选项', '备选方案', '考虑过的方案', '替代方案', '方案比较'],
    'audience': ['读者', '目标读者', '受众', '适用对象'],
  },
  titles: {
    'strategy': ['战略', '策略', '愿景', '使命', '战略规划'],
    'roadmap': ['路线图'],
    'okr': ['okr', '目标'],
    'release-notes': ['发布说明', '更新日志', '版本说明', '更新说明', '新功能'],
    'decision': ['决策', '设计文档', '提案', '决策记录', 'adr', 'rfc'],
    'update': ['进展报告', '进度报告', '周报', '月报', '季度报告', '状态更新', '进度更新', '工作报告'],
  },
  guideTitles: ['模板', '指南', '如何', '教程', '入门', '什么是'],
  headings: { foldAccents: false, articles: [], joiners: [], compounds: true },
  dates: {
    months: [], monthAbbreviations: [], joiners: [], ordinals: [], ordinalSuffixes: [], quarterWords: [], quarterLetters: [], halfWords: [],
    halfLetters: [], yearLeads: [], monthLeads: [],
    relative: [
      '(?:\\d{1,3}|[一二三四五六七八九十两]{1,3})\\s?(?:个月|個月|周|天|年)\\s?(?:内|之内|以内|后)',
      '(?:本季度|下季度|下个季度|下一季度|本年度|今年|明年|年内|年底前|本月|下个月|本周|下周)',
    ],
    dayFirst: false,
  },
  dateColumns: ['截止日期', '截止时间', '时间', '日期', '季度', '里程碑', '计划时间', '完成时间'],
  ownerLabels: ['负责人', '责任人', '负责', '牵头人', '主负责人'],
  measures: {
    baseline: ['从\\s?[-+−]?[$€£¥]?\\d', '(?:目前|当前|现在|现状|基线|基准|去年|上季度)'],
    relative: ['(?:提升|提高|增加|降低|减少|下降|增长)\\s?\\d[\\d.,]*\\s?(?:[%％]|个百分点)', '(?:翻倍|减半|\\d{1,3}倍|保持|维持)'],
  },
  ruleOptions: {
    'kernel/action-no-owner': { timeWords: ['里程碑', '持续', '每周', '每月', '每季度', '立即'] },
    'decision/no-owner': { labels: ['负责人', '责任人', '作者', '牵头人'] },
  },
};

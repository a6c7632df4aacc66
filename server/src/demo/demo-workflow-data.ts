/** What the demo puts in flight in 示范区: realistic form data, by business key (idempotence). */

/** 示范区's own name on its documents (红头, 落款, 文号), instead of the library's ××区 placeholders. */
export const DEMO_PARAMETERS = {
  issuingOrgan: '示范区人民代表大会常务委员会',
  issuingOrganShort: '示范区人大常委会',
};

export const DEMO_SUGGESTIONS = [
  {
    businessKey: 'demo-suggestion-1',
    /** Stops at 审查登记 (代表工委's inbox). */
    stage: 'submitted',
    data: {
      sessionType: '大会期间',
      sessionName: '区第十八届人民代表大会第四次会议',
      contactPhone: '13800138000',
      title: '关于增设老旧小区电动自行车充电设施的建议',
      category: '城乡建设与管理',
      situation:
        '我区多个老旧小区没有集中充电设施，居民飞线充电、楼道充电现象普遍，存在较大消防安全隐患。',
      analysis: '老旧小区建设年代早，配电容量不足，缺少统一规划和建设资金渠道。',
      suggestion:
        '一、摸清老旧小区充电需求；二、结合老旧小区改造同步建设集中充电设施；三、引入社会资本参与建设运营。',
      publicAgreed: true,
    },
  },
  {
    businessKey: 'demo-suggestion-2',
    /** Registered and assigned to 区教育局: at 办理并答复 (the unit's inbox). */
    stage: 'assigned',
    data: {
      sessionType: '闭会期间',
      contactPhone: '13800138000',
      title: '关于加强中小学课后服务师资保障的建议',
      category: '教育科技文化',
      situation: '课后服务全面开展后，部分学校教师工作时间明显延长，课后服务内容单一。',
      analysis: '课后服务经费保障和教师激励机制不健全，校外优质资源引入不足。',
      suggestion:
        '一、完善课后服务经费保障；二、将课后服务纳入教师绩效考核；三、引入校外专业资源丰富服务内容。',
      publicAgreed: true,
    },
  },
] as const;

export const DEMO_REGISTRATION = { registerDecision: 'accept', suggestionNo: '1' };

export const demoAssignment = (unitId: string, assignedOn: string) => ({
  refNo: '示范区人大常委会代建交〔2026〕1号',
  assignedOn,
  leadUnit: unitId,
  coUnits: [],
  keyItem: false,
  assignOpinion: '请认真研究办理，按期答复代表。',
});

/** Started by 专委 (committee): at 制定工作方案 in the committee's inbox. */
export const DEMO_INQUIRY = {
  businessKey: 'demo-inquiry-1',
  data: {
    topic: '全区养老服务体系建设情况',
    year: 2026,
    source: 'plan',
    background:
      '根据常委会年度监督工作计划，围绕居家社区养老服务、养老机构建设和医养结合开展专题询问，推动解决群众关心的养老难题。',
  },
};

//! Ordinary words written twice on purpose, as data for the repeated-word check
//! (`checks::wording`): verbs doubled to soften them (研究研究, 讨论讨论), and counted steps
//! (一个一个, 一项一项 — any 一X一X). A single character doubled (常常, 人人, 天天, 谢谢, 看看,
//! 层层) is never a slip and is not looked at.

/// Two-character words that Chinese doubles on purpose (ABAB).
pub const DOUBLED_ON_PURPOSE: &[&str] = &[
    "研究", "讨论", "学习", "商量", "考虑", "了解", "休息", "活动", "锻炼", "打扫", "整理", "检查",
    "琢磨", "比划", "交流", "沟通", "总结", "梳理", "思考", "体验", "尝试", "调查", "分析", "介绍",
    "说明", "准备", "清理", "收拾", "关心", "帮助", "温习", "复习", "练习", "演练", "摸底", "试试",
    "走访", "宣传", "热闹", "高兴", "明白", "清楚", "认识", "联系",
];

/// Two-character words that end one compound and start the next: 「人民政府政府公报」 is
/// 人民政府 + 政府公报, 「政务公开公开栏」 is 政务公开 + 公开栏. Written twice after another
/// ideograph they are most often such a pair, not a slip.
pub const COMPOUND_PRONE: &[&str] = &[
    "政府", "公开", "信息", "服务", "管理", "工作", "中心", "执法", "人民", "社会", "公共", "网站",
    "平台", "政务", "办公", "数据", "公报", "行政", "机关", "部门", "单位", "领导", "建设", "发展",
    "经济", "安全", "委员", "系统", "事项", "申请", "办理", "文件", "会议", "公司", "企业", "项目",
    "规划", "科技", "教育", "卫生", "医疗", "交通", "环境", "资源",
];

/// `w` (one repeated unit) may be doubled on purpose; `after_word` when an ideograph stands
/// right before the pair (it may end a compound with the first of the two).
pub fn doubled_on_purpose(w: &str, after_word: bool) -> bool {
    DOUBLED_ON_PURPOSE.contains(&w)
        || w.starts_with('一') && w.chars().count() == 2
        || after_word && COMPOUND_PRONE.contains(&w)
}

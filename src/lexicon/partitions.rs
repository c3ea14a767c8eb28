//! Partitions: sets of categories that together make up a whole, so that when a sentence
//! states a total and then every category of one set (`…总数3978条，其中主动公开2026条，依申请
//! 公开46条，不予公开1854条`), the parts must add up to it. Each member lists the words that
//! name it; a part names a member when its label contains one of them. Data only.

/// One partition: a name for messages and its members' words.
pub struct Partition {
    pub name: &'static str,
    pub members: &'static [&'static [&'static str]],
}

pub const PARTITIONS: &[Partition] = &[
    // 2008 统计表: the information a body made or obtained is disclosed proactively, on
    // request, or not at all.
    Partition {
        name: "信息的公开方式",
        members: &[&["主动公开"], &["依申请公开"], &["不予公开"]],
    },
    // A city's figures: the city's own level and its counties/districts.
    Partition {
        name: "层级",
        members: &[
            &["市本级", "市级", "市直"],
            &[
                "县(区",
                "县区",
                "县(市、区",
                "县(市、区)",
                "县市区",
                "各县",
                "区县",
            ],
        ],
    },
    // The outcomes of the requests handled (table 3's (一)–(六)).
    Partition {
        name: "办理结果",
        members: &[
            &["予以公开", "同意公开"],
            &["部分公开"],
            &["不予公开"],
            &["无法提供"],
            &["不予处理"],
            &["其他处理"],
        ],
    },
];

/// Fixed word lists from which the generator builds regions, people, customers and products.
enum Vocabulary {
    struct RegionSpec {
        let name: String
        let customerShare: Double
        let salespeople: [String]
        let cities: [String]
        let isOverseas: Bool
    }

    struct CategorySpec {
        let code: String
        let name: String
        let productShare: Double
        let nouns: [String]
        let minPrice: Double
        let maxPrice: Double
        let costRatio: ClosedRange<Double>
        /// Sold in packs: the product name carries a pack size after a comma.
        let isPacked: Bool
    }

    static let regions: [RegionSpec] = [
        RegionSpec(name: "华东", customerShare: 0.34, salespeople: ["张伟", "王芳", "李娜", "刘洋", "陈静"],
                   cities: ["上海", "杭州", "南京", "苏州", "宁波", "合肥", "无锡"], isOverseas: false),
        RegionSpec(name: "华南", customerShare: 0.26, salespeople: ["杨磊", "赵敏", "黄强", "周杰"],
                   cities: ["广州", "深圳", "厦门", "福州", "东莞", "南宁"], isOverseas: false),
        RegionSpec(name: "华北", customerShare: 0.20, salespeople: ["吴婷", "徐涛", "孙丽"],
                   cities: ["北京", "天津", "济南", "青岛", "石家庄", "太原"], isOverseas: false),
        RegionSpec(name: "西南", customerShare: 0.12, salespeople: ["马超", "朱琳"],
                   cities: ["成都", "重庆", "昆明", "贵阳"], isOverseas: false),
        RegionSpec(name: "海外", customerShare: 0.08, salespeople: ["胡斌", "郭雪"],
                   cities: ["Singapore", "Jakarta", "Bangkok", "Dubai", "Kuala Lumpur", "Manila"], isOverseas: true),
    ]

    static let tradeNames = [
        "东方", "华润", "恒通", "金桥", "永盛", "瑞丰", "宏达", "新世纪", "天成", "百联", "鑫源", "德胜",
        "万家", "联华", "嘉禾", "同舟", "和信", "盛世", "安泰", "佳美", "汇丰源", "长江", "明珠", "锦程",
        "信达", "广汇", "荣昌", "富源", "光明", "海天", "华信", "中联", "瑞祥", "金鼎", "泰和", "万通", "宝隆",
        "恒丰", "立信", "昌盛", "福瑞", "宏图", "兴业", "顺发", "元亨", "腾达", "凯越", "升平", "东升", "新纪元",
        "康华", "利民", "天禧", "金源", "正大", "永辉", "远航", "博雅", "创新", "星河",
    ]

    static let directSuffixes = ["贸易有限公司", "商贸有限公司", "电器有限公司", "百货有限公司", "实业有限公司", "家居连锁有限公司"]
    static let distributorSuffixes = ["电器批发有限公司", "供应链管理有限公司", "经销有限公司", "商贸集团有限公司"]
    static let onlineSuffixes = ["电子商务有限公司", "网络科技有限公司"]
    static let branchOrdinals = ["第一", "第二", "第三", "第四", "第五", "第六", "第七", "第八", "第九"]

    static let overseasTradeNames = [
        "Pacific", "Harbor", "Orient", "Blue Ocean", "Sunrise", "Lion City", "Coral", "Emerald", "Summit",
        "Silk Road", "Golden Bay", "Evergreen",
    ]
    static let overseasSuffixes = ["Trading Co., Ltd.", "Imports Pte. Ltd.", "Distribution LLC", "Retail Group"]

    static let categories: [CategorySpec] = [
        CategorySpec(code: "KT", name: "厨房电器", productShare: 0.25, nouns: ["电饭煲", "破壁机", "电压力锅", "空气炸锅", "微波炉", "电水壶"],
                     minPrice: 129, maxPrice: 1999, costRatio: 0.55...0.72, isPacked: false),
        CategorySpec(code: "LA", name: "生活电器", productShare: 0.15, nouns: ["电风扇", "加湿器", "取暖器", "挂烫机", "除湿机"],
                     minPrice: 99, maxPrice: 1299, costRatio: 0.55...0.72, isPacked: false),
        CategorySpec(code: "CL", name: "清洁电器", productShare: 0.15, nouns: ["吸尘器", "扫地机器人", "洗地机", "除螨仪"],
                     minPrice: 299, maxPrice: 4999, costRatio: 0.58...0.75, isPacked: false),
        CategorySpec(code: "PC", name: "个人护理", productShare: 0.18, nouns: ["电吹风", "剃须刀", "电动牙刷", "美容仪", "卷发棒"],
                     minPrice: 59, maxPrice: 999, costRatio: 0.45...0.65, isPacked: false),
        CategorySpec(code: "SH", name: "智能家居", productShare: 0.12, nouns: ["智能门锁", "智能音箱", "摄像头", "智能插座", "智能灯泡"],
                     minPrice: 49, maxPrice: 2499, costRatio: 0.55...0.75, isPacked: false),
        CategorySpec(code: "AC", name: "配件耗材", productShare: 0.15, nouns: ["滤网", "集尘袋", "刷头", "清洁液", "替换刀头"],
                     minPrice: 9, maxPrice: 129, costRatio: 0.30...0.50, isPacked: true),
    ]

    static let modelLetters = ["A", "C", "E", "H", "K", "M", "P", "R", "S", "T", "V", "X"]
    static let packSizes = [2, 3, 5, 6, 10]
}

/**
 * zh-CN messages for class-validator's built-in constraints, so every DTO in the server (ours and
 * other modules') answers in Chinese without repeating a `message` on each decorator. A decorator
 * that already carries a Chinese message keeps it.
 */
const MESSAGES: Record<string, string | ((n: string) => string)> = {
  whitelistValidation: '不允许的字段',
  unknownValue: '请求体必须是 JSON 对象',
  isDefined: '必填',
  isNotEmpty: '不能为空',
  isString: '必须是字符串',
  isBoolean: '必须是布尔值（true 或 false）',
  isInt: '必须是整数',
  isNumber: '必须是数字',
  isPositive: '必须是正数',
  isArray: '必须是数组',
  isObject: '必须是对象',
  nestedValidation: '必须是对象',
  isIn: '取值不在允许范围内',
  isEnum: '取值不在允许范围内',
  matches: '格式不正确',
  isDateString: '必须是 ISO 8601 日期时间',
  isIso8601: '必须是 ISO 8601 日期时间',
  isEmail: '电子邮箱格式不正确',
  isMobilePhone: '手机号码格式不正确',
  arrayUnique: '不能包含重复项',
  arrayNotEmpty: '不能为空',
  minLength: (n) => `长度不能少于 ${n} 个字符`,
  maxLength: (n) => `长度不能超过 ${n} 个字符`,
  min: (n) => `不能小于 ${n}`,
  max: (n) => `不能大于 ${n}`,
  arrayMinSize: (n) => `至少需要 ${n} 项`,
  arrayMaxSize: (n) => `最多 ${n} 项`,
};

const HAS_CHINESE = /[\u4e00-\u9fff]/;

/** One constraint's message in zh-CN; unknown constraints keep class-validator's text. */
export function localiseConstraint(constraint: string, message: string): string {
  if (HAS_CHINESE.test(message)) return message;
  const known = MESSAGES[constraint];
  if (known === undefined) return message;
  if (typeof known === 'string') return known;
  // The English default names the limit ("must be longer than or equal to 8 characters").
  const limit = /(-?\d+(?:\.\d+)?)/.exec(message)?.[1] ?? '?';
  return known(limit);
}

export const MISSING_MESSAGE = '必填';

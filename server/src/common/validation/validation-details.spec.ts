import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
  validate,
} from 'class-validator';
import { toFieldProblems } from './validation-details';

class Unit {
  @IsString()
  @MaxLength(5)
  name!: string;
}

class Body {
  @IsString()
  @MinLength(3)
  title!: string;

  @IsIn(['a', 'b'])
  kind!: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => Unit)
  units!: Unit[];

  @ValidateNested()
  @Type(() => Unit)
  lead!: Unit;
}

async function problemsOf(plain: object) {
  const errors = await validate(plainToInstance(Body, plain), {
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: false, value: true },
  });
  return toFieldProblems(errors);
}

describe('validation details', () => {
  it('gives every field error at once, with dot/bracket paths and zh-CN messages', async () => {
    const problems = await problemsOf({
      title: 'ab',
      kind: 'z',
      units: [{ name: 'ok' }, { name: '太长的单位名称' }],
      lead: { name: 7 },
      extra: true,
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'title', message: '长度不能少于 3 个字符' },
        { path: 'kind', message: '取值不在允许范围内' },
        { path: 'units[1].name', message: '长度不能超过 5 个字符' },
        { path: 'lead.name', message: '必须是字符串' },
        { path: 'extra', message: '不允许的字段' },
      ]),
    );
    expect(problems).toHaveLength(5);
  });

  it('says a missing field is required once, not once per rule', async () => {
    const problems = await problemsOf({ kind: 'a', units: [], lead: { name: 'x' } });
    expect(problems).toEqual([{ path: 'title', message: '必填' }]);
  });
});

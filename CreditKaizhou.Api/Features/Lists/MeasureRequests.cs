using CreditKaizhou.Api.Infrastructure.Localization;
using CreditKaizhou.Domain.Lists;
using FluentValidation;

namespace CreditKaizhou.Api.Features.Lists;

/// <summary>What every version of a measure says; the code is in the body on POST and in the route on PUT.</summary>
public interface IMeasureContent
{
    string? Name { get; }
    string? Kind { get; }
    string? Effect { get; }
    IReadOnlyList<string>? Contexts { get; }
    IReadOnlyList<string>? ListCodes { get; }
    string? LegalBasis { get; }
    string? ImplementingDepartment { get; }
}

/// <summary>A new measure (version 1), as the credit office writes it from a memorandum or the national measures list.</summary>
public sealed record CreateMeasureRequest(
    string? Code,
    string? Name,
    string? Kind,
    string? Effect,
    IReadOnlyList<string>? Contexts,
    IReadOnlyList<string>? ListCodes,
    string? LegalBasis,
    string? ImplementingDepartment) : IMeasureContent;

/// <summary>A new version of a measure; a <c>code</c> in the body is ignored, the route names the measure.</summary>
public sealed record UpdateMeasureRequest(
    string? Name,
    string? Kind,
    string? Effect,
    IReadOnlyList<string>? Contexts,
    IReadOnlyList<string>? ListCodes,
    string? LegalBasis,
    string? ImplementingDepartment) : IMeasureContent;

public static class MeasureContent
{
    /// <summary>The domain measure; only for content that passed its validator. Contexts follow the documented order.</summary>
    public static Measure ToMeasure(this IMeasureContent content, string code, int version) => new(
        code, version, content.Name!.Trim(), MeasureKindCodes.Parse(content.Kind!), content.Effect!,
        CheckContexts.All.Where(c => content.Contexts!.Contains(c, StringComparer.Ordinal)).ToList(),
        content.ListCodes!.Distinct(StringComparer.Ordinal).ToList(), content.LegalBasis!.Trim(), content.ImplementingDepartment!.Trim());
}

/// <summary>The rules every version of a measure must pass (国办发〔2020〕49号: no measure without a basis).</summary>
public abstract class MeasureContentValidator<T> : AbstractValidator<T>
    where T : IMeasureContent
{
    protected MeasureContentValidator(IServiceScopeFactory scopes)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(_ => Text.T("措施名称不能为空。", "name must not be empty."))
            .MaximumLength(200).WithMessage(_ => Text.T("措施名称最长 200 个字符。", "name holds at most 200 characters."));
        RuleFor(x => x.Kind).Must(k => MeasureKindCodes.TryParse(k, out _))
            .WithMessage(x => Text.T($"措施类型 '{x.Kind}' 无效，应为 punishment（联合惩戒）或 incentive（联合激励）。",
                $"The kind '{x.Kind}' is not punishment or incentive."));
        RuleFor(x => x.Effect).Must(e => e is not null && MeasureEffects.All.Contains(e, StringComparer.Ordinal))
            .WithMessage(x => Text.T($"措施效果 '{x.Effect}' 无效，应为 {string.Join("、", MeasureEffects.All)} 之一。",
                $"The effect '{x.Effect}' is not one of {string.Join(", ", MeasureEffects.All)}."))
            .DependentRules(() => RuleFor(x => x.Effect).Must((x, e) => EffectFits(x.Kind, e!))
                .When(x => MeasureKindCodes.TryParse(x.Kind, out _))
                .WithMessage(x => MeasureKindCodes.Parse(x.Kind!) == MeasureKind.Punishment
                    ? Text.T($"惩戒措施的效果应为 {string.Join(" 或 ", MeasureEffects.Punitive)}，实际为 '{x.Effect}'。",
                        $"A punishment's effect is {string.Join(" or ", MeasureEffects.Punitive)}; got '{x.Effect}'.")
                    : Text.T($"激励措施的效果应为 {string.Join("、", MeasureEffects.Incentive)} 之一，实际为 '{x.Effect}'。",
                        $"An incentive's effect is one of {string.Join(", ", MeasureEffects.Incentive)}; got '{x.Effect}'.")));
        RuleFor(x => x.Contexts).NotEmpty()
            .WithMessage(_ => Text.T($"适用场景不能为空，应为 {string.Join("、", CheckContexts.All)} 中的一个或多个。",
                $"contexts must name at least one of {string.Join(", ", CheckContexts.All)}."));
        RuleForEach(x => x.Contexts).Must(CheckContexts.IsKnown)
            .WithMessage((_, c) => Text.T($"适用场景 '{c}' 无效，应为 {string.Join("、", CheckContexts.All)} 之一。",
                $"The context '{c}' is not one of {string.Join(", ", CheckContexts.All)}."));
        RuleFor(x => x.ListCodes).NotEmpty()
            .WithMessage(_ => Text.T("适用名单不能为空：措施须针对至少一个名单。", "listCodes must name at least one list the measure follows."));
        RuleFor(x => x.ListCodes).CustomAsync(async (codes, context, ct) =>
        {
            if (codes is not { Count: > 0 })
            {
                return;
            }

            await using var scope = scopes.CreateAsyncScope();
            var lists = (await scope.ServiceProvider.GetRequiredService<IListRepository>().ListTypesAsync(ct))
                .ToDictionary(t => t.Type.Code, t => t.Type, StringComparer.Ordinal);
            MeasureKind? kind = MeasureKindCodes.TryParse(context.InstanceToValidate.Kind, out var parsed) ? parsed : null;
            for (var i = 0; i < codes.Count; i++)
            {
                if (codes[i] is not { } code || !lists.TryGetValue(code, out var list))
                {
                    context.AddFailure($"listCodes[{i}]", Text.T($"没有代码为 {codes[i]} 的名单。", $"There is no list with code {codes[i]}."));
                }
                else if (kind == MeasureKind.Incentive && list.Colour != ListColour.Red)
                {
                    context.AddFailure($"listCodes[{i}]", Text.T($"激励措施只能针对红名单，{list.Code}（{list.Name}）是黑名单。",
                        $"An incentive follows red lists only; {list.Code} ({list.Name}) is a black list."));
                }
                else if (kind == MeasureKind.Punishment && list.Colour != ListColour.Black)
                {
                    context.AddFailure($"listCodes[{i}]", Text.T($"惩戒措施只能针对黑名单，{list.Code}（{list.Name}）是红名单。",
                        $"A punishment follows black lists only; {list.Code} ({list.Name}) is a red list."));
                }
            }
        });
        RuleFor(x => x.LegalBasis).NotEmpty()
            .WithMessage(_ => Text.T("法律依据不能为空：失信惩戒和守信激励措施须以法律、法规或党中央、国务院政策文件为依据（国办发〔2020〕49号）。",
                "legalBasis is required: every measure must rest on a law, a regulation or a central policy document (国办发〔2020〕49号)."))
            .MaximumLength(4000).WithMessage(_ => Text.T("法律依据最长 4000 个字符。", "legalBasis holds at most 4000 characters."));
        RuleFor(x => x.ImplementingDepartment).NotEmpty().WithMessage(_ => Text.T("实施部门不能为空。", "implementingDepartment must not be empty."))
            .MaximumLength(500).WithMessage(_ => Text.T("实施部门最长 500 个字符。", "implementingDepartment holds at most 500 characters."));
    }

    private static bool EffectFits(string? kind, string effect) =>
        MeasureKindCodes.Parse(kind!) == MeasureKind.Punishment
            ? MeasureEffects.Punitive.Contains(effect, StringComparer.Ordinal)
            : MeasureEffects.Incentive.Contains(effect, StringComparer.Ordinal);
}

public sealed class CreateMeasureRequestValidator : MeasureContentValidator<CreateMeasureRequest>
{
    public const string CodePattern = "^[A-Z]{2}(-[A-Z0-9]+)+$";

    public CreateMeasureRequestValidator(IServiceScopeFactory scopes) : base(scopes)
    {
        RuleFor(x => x.Code).NotEmpty().WithMessage(_ => Text.T("措施编码不能为空。", "code must not be empty."))
            .MaximumLength(64).WithMessage(_ => Text.T("措施编码最长 64 个字符。", "code holds at most 64 characters."))
            .Matches(CodePattern).WithMessage(x => Text.T($"措施编码 '{x.Code}' 应为两个大写字母加若干以连字符分隔的大写字母或数字段，如 CJ-ZTB。",
                $"The measure code '{x.Code}' must be two capital letters followed by hyphen-separated parts of capitals and digits, e.g. CJ-ZTB."));
    }
}

public sealed class UpdateMeasureRequestValidator(IServiceScopeFactory scopes) : MeasureContentValidator<UpdateMeasureRequest>(scopes);

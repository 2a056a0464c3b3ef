using System.Globalization;
using CreditKaizhou.Api.Infrastructure.Localization;
using CreditKaizhou.Domain.Catalogue;
using CreditKaizhou.Domain.Departments;
using FluentValidation;

namespace CreditKaizhou.Api.Features.Catalogue;

/// <summary>A catalogue entry as the credit office writes it; the code comes from the route on PUT.</summary>
public sealed record CatalogueEntryRequest(
    string? Code,
    string? Name,
    string? Category,
    string? DepartmentCode,
    IReadOnlyList<string>? SubjectTypes,
    string? Disclosure,
    string? Polarity,
    string? ListCode,
    string? UpdateFrequency,
    PublicityRuleDto? PublicityRule,
    string? LegalBasis,
    IReadOnlyList<FieldDefinitionDto>? FieldsSchema)
{
    /// <summary>The domain entry; only for a request that passed its validator.</summary>
    public CatalogueEntry ToEntry(string code, int version, bool isDemo, DateTimeOffset at)
    {
        var polarity = PolarityCodes.Parse(Polarity!);
        return new CatalogueEntry(code, version, Name!.Trim(), Category!, DepartmentCode!,
            SubjectTypes!.Select(SubjectTypeCodes.Parse).Distinct().ToList(), DisclosureCodes.Parse(Disclosure!), polarity,
            string.IsNullOrWhiteSpace(ListCode) ? null : ListCode, UpdateFrequency?.Trim() ?? "",
            CatalogueJson.ToRule(PublicityRule) ?? Domain.Catalogue.PublicityRule.DefaultFor(polarity, Category!),
            LegalBasis!.Trim(), CatalogueJson.ToSchema(FieldsSchema)!, isDemo, at);
    }
}

public sealed class CatalogueEntryRequestValidator : AbstractValidator<CatalogueEntryRequest>
{
    public const string CodePattern = "^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$";

    public CatalogueEntryRequestValidator(IServiceScopeFactory scopes)
    {
        RuleFor(x => x.Code).NotEmpty().MaximumLength(64).Matches(CodePattern)
            .WithMessage(x => Text.T($"目录编码 '{x.Code}' 只能由大写字母、数字和连字符组成，如 KZ-SCJGJ-XZCF。",
                $"The catalogue code '{x.Code}' may hold capital letters, digits and hyphens only, e.g. KZ-SCJGJ-XZCF."));
        RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Category).NotEmpty().Must(CatalogueCategories.Contains)
            .WithMessage(x => Text.T($"类别 '{x.Category}' 不在目录类别中：{string.Join("、", CatalogueCategories.All)}。",
                $"The category '{x.Category}' is not one of: {string.Join(", ", CatalogueCategories.All)}."));
        RuleFor(x => x.SubjectTypes).NotEmpty();
        RuleForEach(x => x.SubjectTypes).Must(t => SubjectTypeCodes.TryParse(t, out _))
            .WithMessage((_, t) => Text.T($"主体类型 '{t}' 无效，应为 legal、individual_business 或 person。",
                $"The subject type '{t}' is not legal, individual_business or person."));
        RuleFor(x => x.Disclosure).NotEmpty().Must(d => DisclosureCodes.TryParse(d, out _))
            .WithMessage(x => Text.T($"公开属性 '{x.Disclosure}' 无效，应为 public、shared 或 authorised。",
                $"The disclosure '{x.Disclosure}' is not public, shared or authorised."));
        RuleFor(x => x.Polarity).NotEmpty().Must(p => PolarityCodes.TryParse(p, out _))
            .WithMessage(x => Text.T($"信息性质 '{x.Polarity}' 无效，应为 neutral、positive 或 negative。",
                $"The polarity '{x.Polarity}' is not neutral, positive or negative."));
        RuleFor(x => x.UpdateFrequency).MaximumLength(32);
        RuleFor(x => x.LegalBasis).NotEmpty().MaximumLength(4000);
        RuleFor(x => x.FieldsSchema).NotNull().Custom((fields, context) =>
        {
            if (fields is null)
            {
                return;
            }

            for (var i = 0; i < fields.Count; i++)
            {
                if (!FieldTypeCodes.TryParse(fields[i].Type, out _))
                {
                    context.AddFailure($"fieldsSchema[{i}].type", Text.T(
                        $"字段类型 '{fields[i].Type}' 无效，应为 string、integer、decimal、date、enum、subjectCode 或 boolean。",
                        $"The field type '{fields[i].Type}' is not string, integer, decimal, date, enum, subjectCode or boolean."));
                }
            }

            foreach (var problem in CatalogueJson.ToSchema(fields)?.Validate() ?? [])
            {
                context.AddFailure(problem.Path, problem.Describe(CultureInfo.CurrentUICulture));
            }
        });
        RuleFor(x => x.PublicityRule).Custom((rule, context) =>
        {
            if (rule is null)
            {
                return;
            }

            var parsed = CatalogueJson.ToRule(rule);
            if (parsed is null)
            {
                context.AddFailure("publicityRule.periods", Text.T("严重程度应为 minor、general 或 serious。", "A severity is not minor, general or serious."));
                return;
            }

            foreach (var problem in parsed.Validate())
            {
                context.AddFailure(problem.Path, problem.Describe(CultureInfo.CurrentUICulture));
            }
        });
        RuleFor(x => x.DepartmentCode).NotEmpty().MustAsync(async (code, ct) =>
            {
                await using var scope = scopes.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<IDepartmentRepository>().GetAsync(code!, ct) is not null;
            })
            .When(x => !string.IsNullOrEmpty(x.DepartmentCode))
            .WithMessage(x => Text.T($"没有代码为 {x.DepartmentCode} 的部门。", $"There is no department with code {x.DepartmentCode}."));
        RuleFor(x => x.ListCode).MustAsync(async (code, ct) =>
            {
                await using var scope = scopes.CreateAsyncScope();
                return (await scope.ServiceProvider.GetRequiredService<ICatalogueRepository>().ListCodesAsync(ct)).Contains(code!);
            })
            .When(x => !string.IsNullOrEmpty(x.ListCode))
            .WithMessage(x => Text.T($"没有代码为 {x.ListCode} 的名单。", $"There is no list with code {x.ListCode}."));
    }
}
